namespace PacsNode.Quantification.Assessment;

/// <summary>What counts as an early metabolic response for the ZEPHIR group (ZEPHIR's own metric was not retrievable).</summary>
public enum ResponseBasis
{
    /// <summary>PERCIST CMR or PMR (default).</summary>
    Percist,

    /// <summary>Every baseline lesion EORTC CMR or PMR, and no new lesion.</summary>
    EortcAllLesions,
}
