namespace PacsNode.Quantification.Assessment;

/// <summary>How a lesion fares across the FDG visits.</summary>
public enum LesionStatus
{
    /// <summary>Found at baseline and follow-up.</summary>
    Tracked,

    /// <summary>Found at baseline, not at follow-up.</summary>
    Disappeared,

    /// <summary>Found at follow-up only.</summary>
    New,

    /// <summary>Found at baseline; there is no follow-up study.</summary>
    BaselineOnly,
}
