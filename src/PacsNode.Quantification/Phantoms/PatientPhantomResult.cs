namespace PacsNode.Quantification.Phantoms;

/// <summary>A generated patient: the three studies (each a <see cref="PhantomResult"/>) and the patient truth.</summary>
public sealed record PatientPhantomResult(
    string Folder, PhantomResult Baseline, PhantomResult Her2Pet, PhantomResult FollowUp, string TruthPath, PatientPhantomTruth Truth);
