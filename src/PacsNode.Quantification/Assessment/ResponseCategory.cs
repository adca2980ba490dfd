namespace PacsNode.Quantification.Assessment;

/// <summary>A metabolic response category (EORTC 1999 per lesion, PERCIST 1.0 per patient).</summary>
public enum ResponseCategory
{
    /// <summary>Complete metabolic response.</summary>
    Cmr,

    /// <summary>Partial metabolic response.</summary>
    Pmr,

    /// <summary>Stable metabolic disease.</summary>
    Smd,

    /// <summary>Progressive metabolic disease.</summary>
    Pmd,
}
