namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// What the patient-level assessment of a generated patient must give (written as <c>patient-truth.json</c>):
/// per lesion the match, HER2-PET class and status, EORTC and lesion group; per patient the pattern, HER2-PET status,
/// PERCIST and the ZEPHIR group; and the shifts (and turns about the long axis) between the visits.
/// </summary>
public sealed record PatientPhantomTruth(
    string PatientId,
    IReadOnlyList<PatientPhantomLesionTruth> Lesions,
    string Her2Pattern,
    string Her2Status,
    string Percist,
    string ZephirGroup,
    (double X, double Y, double Z) Her2ShiftMm,
    (double X, double Y, double Z) FollowUpShiftMm)
{
    /// <summary>As <see cref="PatientPhantomSpec.Her2RotationZDegrees"/>.</summary>
    public double Her2RotationZDegrees { get; init; }

    /// <summary>As <see cref="PatientPhantomSpec.FollowUpRotationZDegrees"/>.</summary>
    public double FollowUpRotationZDegrees { get; init; }
}
