namespace PacsNode.Quantification.Assessment;

/// <summary>
/// The patient's HER2-PET pattern from the share of FDG tumour load (MTV by default) in HER2-positive lesions
/// (DOMAIN.md section 5): A all, B dominant (≥ 50%), C minor (&gt; 0, &lt; 50%), D none. A and B are HER2-PET positive.
/// </summary>
public enum Her2Pattern
{
    A,
    B,
    C,
    D,
}
