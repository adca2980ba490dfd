namespace PacsNode.Quantification.Assessment;

/// <summary>The role of a study in the ZEPHIR workflow (DOMAIN.md section 1).</summary>
public enum VisitRole
{
    /// <summary>FDG before treatment.</summary>
    Baseline,

    /// <summary>89Zr-trastuzumab HER2-PET.</summary>
    Her2Pet,

    /// <summary>FDG after one cycle.</summary>
    FollowUp,

    /// <summary>Not used by the assessment (another tracer, or an FDG study the visit rule did not pick).</summary>
    Unassigned,
}
