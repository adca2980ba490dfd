namespace PacsNode.Quantification.Lesions;

/// <summary>Why a detection candidate is not a lesion. Rejected candidates are reported, never dropped.</summary>
public enum CandidateRejection
{
    /// <summary>SUVpeak does not exceed the detection threshold.</summary>
    PeakBelowThreshold,

    /// <summary>The VOI is smaller than the minimum volume (1 ml).</summary>
    TooSmall,

    /// <summary>The VOI grows beyond the maximum volume or reaches the liver reference sphere.</summary>
    MergedWithLargerStructure,

    /// <summary>The candidate's maximum lies inside the VOI of a hotter candidate: the same structure.</summary>
    InsideHotterCandidate,

    /// <summary>The VOI threshold (fixed SUV) is above the candidate's maximum: no VOI.</summary>
    NoVoi,
}
