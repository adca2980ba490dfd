namespace PacsNode.Quantification.Suv;

/// <summary>A PET radionuclide and its table half-life.</summary>
/// <param name="Name">Short name, e.g. "F-18".</param>
/// <param name="HalfLifeSeconds">Table half-life in seconds.</param>
/// <param name="Source">Where the value comes from.</param>
public sealed record Nuclide(string Name, double HalfLifeSeconds, string Source);
