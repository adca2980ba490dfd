namespace PacsNode.Pipeline.Stability;

/// <summary>Why a series was declared ready.</summary>
public enum ReadinessReason
{
    /// <summary>No instance of its study arrived for the quiet time.</summary>
    Quiet,

    /// <summary>It holds as many instances as it announced (PET Number of Slices and geometry).</summary>
    ExpectedCount,
}
