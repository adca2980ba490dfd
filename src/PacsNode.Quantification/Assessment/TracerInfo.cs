namespace PacsNode.Quantification.Assessment;

/// <summary>
/// The recognised tracer of a PET series: what it is, its nuclide and half-life (the header's RadionuclideHalfLife when
/// present, else the nuclide table's), and the evidence it was recognised from.
/// </summary>
/// <param name="Tracer">FDG, 89Zr-trastuzumab or other.</param>
/// <param name="Radiopharmaceutical">The radiopharmaceutical as the header names it (code meaning or text), or null.</param>
/// <param name="Nuclide">The nuclide (e.g. "F-18", "Zr-89"), or null when unknown.</param>
/// <param name="HalfLifeSeconds">The half-life, or null when neither the header nor the table gives one.</param>
/// <param name="HalfLifeSource">"header" or "table", or null.</param>
/// <param name="Evidence">Which attributes decided, for the report.</param>
public sealed record TracerInfo(
    PetTracer Tracer,
    string? Radiopharmaceutical,
    string? Nuclide,
    double? HalfLifeSeconds,
    string? HalfLifeSource,
    string Evidence);
