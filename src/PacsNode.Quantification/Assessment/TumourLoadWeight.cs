namespace PacsNode.Quantification.Assessment;

/// <summary>How a lesion's share of the FDG tumour load is weighted for the HER2-PET pattern.</summary>
public enum TumourLoadWeight
{
    /// <summary>Baseline FDG metabolic tumour volume (DOMAIN.md section 5 default).</summary>
    Mtv,

    /// <summary>Baseline FDG total lesion glycolysis.</summary>
    Tlg,

    /// <summary>Each lesion counts once.</summary>
    Count,
}
