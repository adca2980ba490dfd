namespace PacsNode.Quantification.Assessment;

/// <summary>The ZEPHIR combination of HER2-PET status and early metabolic response (DOMAIN.md section 5).</summary>
public static class ZephirRule
{
    public const string TreatmentFailureStatement =
        "HER2-PET negative and no early metabolic response: the combination ZEPHIR found to predict treatment failure on T-DM1";

    public static ZephirGroup Group(bool her2Positive, bool earlyResponse) => (her2Positive, earlyResponse) switch
    {
        (true, true) => ZephirGroup.PositiveResponse,
        (true, false) => ZephirGroup.PositiveNoResponse,
        (false, true) => ZephirGroup.NegativeResponse,
        _ => ZephirGroup.NegativeNoResponse,
    };

    public static bool PredictsTreatmentFailure(ZephirGroup group) => group == ZephirGroup.NegativeNoResponse;
}
