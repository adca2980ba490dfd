namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// One lesion of the patient phantom's design with the results it must give, stated by hand (not computed by the
/// assessment rules, so a wrong threshold there fails the comparison). Positions are in the clinical-size anatomy
/// (as <see cref="PhantomSpec.Create"/>'s spheres) and shrink with it on small grids; the diameter is kept.
/// </summary>
/// <param name="Name">The design's name, e.g. "lung".</param>
/// <param name="X">Centre x at clinical size, mm (before the visit's shift).</param>
/// <param name="Y">Centre y, mm.</param>
/// <param name="Z">Centre z, mm.</param>
/// <param name="DiameterMm">Diameter, mm.</param>
/// <param name="BaselineSuv">FDG SUV at baseline; null for a new lesion.</param>
/// <param name="Her2Suv">89Zr SUV; null: the background (no uptake).</param>
/// <param name="FollowUpSuv">FDG SUV at follow-up; null for a lesion that has disappeared.</param>
/// <param name="Match">"tracked", "disappeared" or "new".</param>
/// <param name="Her2Class">Expected proposed class code (HER2-1..4); null for a new lesion.</param>
/// <param name="Her2Status">Expected status code (POS/NEG); null for a new lesion.</param>
/// <param name="Eortc">Expected EORTC code; null for a new lesion.</param>
/// <param name="Group">Expected per-lesion ZEPHIR group code; null for a new lesion.</param>
/// <param name="Reasoning">The hand calculation behind the expectations.</param>
public sealed record PatientPhantomLesion(
    string Name, double X, double Y, double Z, double DiameterMm, double? BaselineSuv, double? Her2Suv, double? FollowUpSuv,
    string Match, string? Her2Class, string? Her2Status, string? Eortc, string? Group, string Reasoning);
