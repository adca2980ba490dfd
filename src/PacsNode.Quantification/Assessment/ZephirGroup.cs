namespace PacsNode.Quantification.Assessment;

/// <summary>
/// The ZEPHIR combination of HER2-PET (positive: pattern A/B, or lesion class 3–4) and early metabolic response
/// (CMR/PMR). <see cref="NegativeNoResponse"/> is the group ZEPHIR found to predict treatment failure on T-DM1.
/// </summary>
public enum ZephirGroup
{
    PositiveResponse,
    PositiveNoResponse,
    NegativeResponse,
    NegativeNoResponse,
}
