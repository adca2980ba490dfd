namespace PacsNode.Quantification.Lesions;

/// <summary>Every candidate of one detection run, by SUVpeak descending (ids L1, L2, …), with the threshold and method used.</summary>
public sealed record LesionDetection(DetectionThreshold Threshold, VoiThresholdMethod Method, IReadOnlyList<LesionCandidate> Candidates)
{
    public IEnumerable<LesionCandidate> Lesions => Candidates.Where(c => c.Accepted);
}
