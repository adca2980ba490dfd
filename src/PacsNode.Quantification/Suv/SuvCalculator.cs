using System.Diagnostics.CodeAnalysis;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Suv;

/// <summary>
/// SUV factors of one PET series from its headers (DOMAIN.md section 2; QIBA vendor-neutral logic extended by
/// the IBSI-SUV recommendations). Pure host-side code: the result is the factors with their provenance, or a
/// reason naming the missing or contradictory attribute. Read headers with
/// <c>DicomReaderOptions { StopAtTag = DicomTag.PixelData }</c>. An Enhanced PET dataset is read frame by frame
/// (<see cref="Volume.EnhancedPetFrames"/>): the factors then have one entry per frame.
/// </summary>
public static class SuvCalculator
{
    public static SuvResult Calculate(IReadOnlyList<DicomDataset> slices, SuvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(slices);
        options ??= SuvOptions.Default;
        if (slices.Count == 0)
        {
            return SuvResult.Fail(SuvFailureReason.NoSlices, "the series has no slices");
        }

        if (!Volume.EnhancedPetFrames.TryExpand(slices, out slices, out string? frameError))
        {
            return SuvResult.Fail(SuvFailureReason.InvalidAttribute, frameError!);
        }

        if (!SeriesConsistency.TryCheck(slices, out SuvFailure? failure) ||
            !TryUnits(slices[0], out string? units, out failure) ||
            !TryRescale(slices, out (double Slope, double Intercept)[]? rescale, out failure))
        {
            return SuvResult.Fail(failure.Reason, failure.Message);
        }

        var log = new SuvLog();
        DicomDataset first = slices[0];
        double? weight = ReadWeight(first, log, out bool grams);
        double? height = ReadHeight(first, log);
        string? sex = first.GetString(DicomTag.PatientSex)?.Trim().ToUpperInvariant() is { Length: > 0 } s ? s : null;
        var provenance = new SuvProvenance { WeightKg = weight, WeightConvertedFromGrams = grams, HeightCm = height, PatientSex = sex };
        log.Note($"Units {units}");

        double[]? factors;
        double[]? decayed = null;
        if (units is "GML" or "CM2ML")
        {
            if (!StoredSuv.TryFactor(first, units, weight, height, sex, log, out double factor, out string? suvType, out failure))
            {
                return SuvResult.Fail(failure.Reason, failure.Message);
            }

            factors = Enumerable.Repeat(factor, slices.Count).ToArray();
            provenance = provenance with { SuvType = suvType };
        }
        else
        {
            if (!TryMultipliers(slices, units, log, out double[]? multipliers, out factors, out failure))
            {
                return SuvResult.Fail(failure.Reason, failure.Message);
            }

            if (factors is null)
            {
                if (weight is not { } w)
                {
                    return SuvResult.Fail(SuvFailureReason.MissingAttribute, "PatientWeight (0010,1030) is missing or zero");
                }

                if (!ActivityConversion.TryConvert(slices, options, log, provenance, out var outcome, out failure))
                {
                    return SuvResult.Fail(failure.Reason, failure.Message);
                }

                decayed = outcome.DecayedDoseBq;
                provenance = outcome.Provenance;
                factors = new double[slices.Count];
                for (int i = 0; i < factors.Length; i++)
                {
                    factors[i] = w * 1000 * multipliers[i] / decayed[i];
                }
            }
        }

        Dictionary<SuvNormalisation, double> ratios = NormaliserRatios.Compute(weight, height, sex, log);
        var perSlice = new SuvSliceFactor[slices.Count];
        for (int i = 0; i < perSlice.Length; i++)
        {
            perSlice[i] = new SuvSliceFactor(
                i, slices[i].GetString(DicomTag.SOPInstanceUID), rescale[i].Slope, rescale[i].Intercept, factors[i], decayed?[i]);
        }

        provenance = provenance with { Notes = log.Notes, Warnings = log.Warnings };
        return SuvResult.Success(new SuvFactors(units, perSlice, ratios, provenance));
    }

    private static bool TryUnits(DicomDataset first, [NotNullWhen(true)] out string? units, [NotNullWhen(false)] out SuvFailure? failure)
    {
        failure = null;
        units = first.GetString(DicomTag.Units)?.Trim().ToUpperInvariant();
        switch (units)
        {
            case null or "":
                failure = new SuvFailure(SuvFailureReason.MissingAttribute, "Units (0054,1001) is missing");
                return false;
            case "PROPCNTS" or "PROPCPS" or "1CM":
                failure = new SuvFailure(SuvFailureReason.UnconvertibleUnits,
                    $"Units (0054,1001) {units} cannot be converted to activity concentration or SUV");
                return false;
            case "BQML" or "CNTS" or "GML" or "CPS" or "CM2ML":
                return true;
            default:
                failure = new SuvFailure(SuvFailureReason.UnsupportedUnits, $"Units (0054,1001) {units} is not supported");
                return false;
        }
    }

    private static bool TryRescale(
        IReadOnlyList<DicomDataset> slices,
        [NotNullWhen(true)] out (double Slope, double Intercept)[]? rescale,
        [NotNullWhen(false)] out SuvFailure? failure)
    {
        failure = null;
        rescale = new (double, double)[slices.Count];
        for (int i = 0; i < slices.Count; i++)
        {
            DicomDataset slice = slices[i];
            if (!slice.TryGetDouble(DicomTag.RescaleSlope, out double slope))
            {
                failure = new SuvFailure(SuvFailureReason.MissingAttribute, $"RescaleSlope (0028,1053) of {SuvHeader.Label(slice, i)} is missing");
                return false;
            }

            if (!(slope > 0) || !double.IsFinite(slope))
            {
                failure = new SuvFailure(SuvFailureReason.InvalidAttribute, FormattableString.Invariant(
                    $"RescaleSlope (0028,1053) {slope} of {SuvHeader.Label(slice, i)} is not positive"));
                return false;
            }

            double intercept = slice.TryGetDouble(DicomTag.RescaleIntercept, out double b) ? b : 0;
            if (intercept != 0)
            {
                failure = new SuvFailure(SuvFailureReason.NonZeroIntercept, FormattableString.Invariant(
                    $"RescaleIntercept (0028,1052) of {SuvHeader.Label(slice, i)} is {intercept}; a PET slice must have 0"));
                return false;
            }

            rescale[i] = (slope, intercept);
        }

        return true;
    }

    /// <summary>
    /// Per-slice multipliers to Bq/ml (1 for BQML, DoseCalibrationFactor for CPS, the Philips activity
    /// concentration scale factor for CNTS), or for CNTS with the Philips SUV scale factor the SUVbw factors.
    /// </summary>
    private static bool TryMultipliers(
        IReadOnlyList<DicomDataset> slices,
        string units,
        SuvLog log,
        [NotNullWhen(true)] out double[]? multipliers,
        out double[]? factorsBw,
        [NotNullWhen(false)] out SuvFailure? failure)
    {
        failure = null;
        factorsBw = null;
        multipliers = Enumerable.Repeat(1.0, slices.Count).ToArray();
        if (units == "CPS")
        {
            for (int i = 0; i < slices.Count; i++)
            {
                if (SuvHeader.Positive(slices[i], DicomTag.DoseCalibrationFactor) is not { } calibration)
                {
                    failure = new SuvFailure(SuvFailureReason.MissingAttribute,
                        $"Units CPS need DoseCalibrationFactor (0054,1322), which {SuvHeader.Label(slices[i], i)} lacks");
                    return false;
                }

                multipliers[i] = calibration;
            }

            log.Note($"Units CPS: counts per second × DoseCalibrationFactor (0054,1322) = Bq/ml");
            return true;
        }

        if (units != "CNTS")
        {
            return true;
        }

        return PhilipsCounts.TryFactors(slices, log, multipliers, out factorsBw, out failure);
    }

    private static double? ReadWeight(DicomDataset first, SuvLog log, out bool grams)
    {
        grams = false;
        if (SuvHeader.Positive(first, DicomTag.PatientWeight) is not { } weight)
        {
            return null;
        }

        if (weight > 1000)
        {
            grams = true;
            log.Note($"PatientWeight {weight} is above 1000, so it is in grams: {weight / 1000} kg");
            return weight / 1000;
        }

        return weight;
    }

    private static double? ReadHeight(DicomDataset first, SuvLog log)
    {
        if (SuvHeader.Positive(first, DicomTag.PatientSize) is not { } metres)
        {
            return null;
        }

        if (metres > 3)
        {
            log.Warn($"PatientSize (0010,1020) {metres} m is implausible and is not used");
            return null;
        }

        return metres * 100;
    }
}
