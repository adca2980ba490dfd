namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// A lesion of a generated patient: its design with the expected results, and where its centre lies in each study's
/// frame (null where it is absent: no baseline for a new lesion, no follow-up for a disappeared one; the HER2-PET
/// centre is given for every baseline lesion).
/// </summary>
public sealed record PatientPhantomLesionTruth(
    PatientPhantomLesion Design,
    (double X, double Y, double Z)? BaselineCentreMm,
    (double X, double Y, double Z)? Her2CentreMm,
    (double X, double Y, double Z)? FollowUpCentreMm);
