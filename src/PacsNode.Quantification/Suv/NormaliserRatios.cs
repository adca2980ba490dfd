namespace PacsNode.Quantification.Suv;

/// <summary>
/// X / body weight for each normaliser (DOMAIN.md section 2). Sex "O" or missing: the mean of the male and
/// female formulas, recorded in the notes.
/// </summary>
internal static class NormaliserRatios
{
    /// <summary>The body-size quantity X in g (cm² for BSA) of one normaliser; null when inputs are missing.</summary>
    public static double? Quantity(SuvNormalisation normalisation, double? weightKg, double? heightCm, string? sex)
    {
        if (normalisation == SuvNormalisation.BodyWeight)
        {
            return weightKg * 1000;
        }

        if (weightKg is not { } w || heightCm is not { } h)
        {
            return null;
        }

        return normalisation switch
        {
            SuvNormalisation.LeanBodyMassJanma => BySex(sex, male => BodySize.LeanBodyMassJanma(w, h, male)) * 1000,
            SuvNormalisation.LeanBodyMassJames128 => BySex(sex, male => BodySize.LeanBodyMassJames128(w, h, male)) * 1000,
            SuvNormalisation.IdealBodyWeight => BySex(sex, male => BodySize.IdealBodyWeight(h, male)) * 1000,
            SuvNormalisation.BodySurfaceArea => BodySize.BodySurfaceAreaDuBois(w, h) * 10_000,
            _ => null,
        };
    }

    public static Dictionary<SuvNormalisation, double> Compute(double? weightKg, double? heightCm, string? sex, SuvLog log)
    {
        var ratios = new Dictionary<SuvNormalisation, double> { [SuvNormalisation.BodyWeight] = 1.0 };
        if (weightKg is not { } w)
        {
            log.Note($"PatientWeight missing: only SUVbw is available");
            return ratios;
        }

        if (heightCm is null)
        {
            log.Note($"PatientSize missing: SUVlbm, SUVbsa and SUVibw are not available");
            return ratios;
        }

        if (sex is not ("M" or "F"))
        {
            log.Note($"PatientSex '{sex}': SUVlbm and SUVibw use the mean of the male and female formulas");
        }

        foreach (SuvNormalisation n in Enum.GetValues<SuvNormalisation>())
        {
            if (n != SuvNormalisation.BodyWeight && Quantity(n, weightKg, heightCm, sex) is { } x)
            {
                ratios[n] = x / (w * 1000);
            }
        }

        return ratios;
    }

    private static double BySex(string? sex, Func<bool, double> formula) => sex switch
    {
        "M" => formula(true),
        "F" => formula(false),
        _ => (formula(true) + formula(false)) / 2,
    };
}
