using System.Diagnostics.CodeAnalysis;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Suv;

/// <summary>
/// Activity concentration (Bq/ml) to SUVbw: weight / decayed dose, with DecayCorrection START, ADMIN or NONE
/// (DOMAIN.md section 2). Dose and half-life are series-level (checked by <see cref="SeriesConsistency"/>).
/// </summary>
internal static class ActivityConversion
{
    /// <summary>Doses below this are taken to be in MBq (DOMAIN.md: values &lt; 10⁵).</summary>
    public const double MegabecquerelThreshold = 1e5;

    public sealed record Outcome(double[] DecayedDoseBq, SuvProvenance Provenance);

    public static bool TryConvert(
        IReadOnlyList<DicomDataset> slices,
        SuvOptions options,
        SuvLog log,
        SuvProvenance provenance,
        [NotNullWhen(true)] out Outcome? outcome,
        [NotNullWhen(false)] out SuvFailure? failure)
    {
        outcome = null;
        DicomDataset first = slices[0];
        DicomDataset? item = SuvHeader.Radiopharmaceutical(first);
        if (item is null)
        {
            failure = Missing("RadiopharmaceuticalInformationSequence (0054,0016) is missing or empty, so dose, half-life and injection time are unknown");
            return false;
        }

        if (SuvHeader.Positive(item, DicomTag.RadionuclideTotalDose) is not { } dose)
        {
            failure = Missing("RadionuclideTotalDose (0018,1074) is missing or zero");
            return false;
        }

        bool megabecquerel = dose < MegabecquerelThreshold;
        if (megabecquerel)
        {
            log.Note($"RadionuclideTotalDose {dose} is below 1e5, so it is in MBq: {dose * 1e6} Bq");
            dose *= 1e6;
        }

        if (SuvHeader.Positive(item, DicomTag.RadionuclideHalfLife) is not { } halfLife)
        {
            failure = Missing("RadionuclideHalfLife (0018,1075) is missing or zero");
            return false;
        }

        Nuclide? nuclide = NuclideTable.Identify(item);
        if (NuclideTable.CheckHalfLife(nuclide, halfLife) is { } halfLifeWarning)
        {
            log.Warnings.Add(halfLifeWarning);
        }

        string? decay = first.GetString(DicomTag.DecayCorrection)?.Trim().ToUpperInvariant();
        provenance = provenance with
        {
            DoseBq = dose,
            DoseConvertedFromMegabecquerel = megabecquerel,
            HalfLifeSeconds = halfLife,
            Nuclide = nuclide?.Name,
            DecayCorrection = decay,
        };
        CheckCorrectedImage(first, decay, log);
        switch (decay)
        {
            case "ADMIN":
                log.Note($"DecayCorrection ADMIN: the images are decay-corrected to the administration, the dose is not decayed");
                outcome = new Outcome(Enumerable.Repeat(dose, slices.Count).ToArray(), provenance);
                failure = null;
                return true;
            case "START":
                return TryStart(slices, item, dose, halfLife, options, log, provenance, out outcome, out failure);
            case "NONE":
                return TryNone(slices, item, dose, halfLife, options, log, provenance, out outcome, out failure);
            case null or "":
                failure = Missing("DecayCorrection (0054,1102) is missing");
                return false;
            default:
                failure = new SuvFailure(SuvFailureReason.InvalidAttribute, $"DecayCorrection (0054,1102) '{decay}' is not START, ADMIN or NONE");
                return false;
        }
    }

    private static bool TryStart(
        IReadOnlyList<DicomDataset> slices, DicomDataset item, double dose, double halfLife, SuvOptions options,
        SuvLog log, SuvProvenance provenance, out Outcome? outcome, out SuvFailure? failure)
    {
        outcome = null;
        if (ReferenceTimeResolver.Resolve(slices, halfLife, log) is not { } reference)
        {
            failure = Missing("no decay reference time: SeriesDate/SeriesTime (0008,0021/0031), the GE private scan time and AcquisitionDate/AcquisitionTime (0008,0022/0032) are all missing");
            return false;
        }

        if (!InjectionTimeResolver.TryResolve(item, reference.Time, halfLife, options, log, out var injection, out failure))
        {
            return false;
        }

        double seconds = (reference.Time - injection.Time).TotalSeconds;
        if (seconds < 0)
        {
            failure = new SuvFailure(SuvFailureReason.NegativeDecayTime, FormattableString.Invariant(
                $"the injection {injection.Time:yyyy-MM-dd HH:mm:ss} is after the decay reference time {reference.Time:yyyy-MM-dd HH:mm:ss}"));
            return false;
        }

        double decayed = dose * DecayMath.RemainingFraction(seconds, halfLife);
        log.Note($"DecayCorrection START: dose decayed over {seconds} s to {decayed} Bq");
        outcome = new Outcome(
            Enumerable.Repeat(decayed, slices.Count).ToArray(),
            provenance with
            {
                ReferenceTime = reference.Time,
                ReferenceTimeSource = reference.Source,
                InjectionTime = injection.Time,
                InjectionTimeSource = injection.Source,
            });
        return true;
    }

    private static bool TryNone(
        IReadOnlyList<DicomDataset> slices, DicomDataset item, double dose, double halfLife, SuvOptions options,
        SuvLog log, SuvProvenance provenance, out Outcome? outcome, out SuvFailure? failure)
    {
        outcome = null;
        var times = new DateTime[slices.Count];
        bool averaged = true;
        for (int i = 0; i < slices.Count; i++)
        {
            if (SuvHeader.AcquisitionDateTime(slices[i]) is not { } acquisition)
            {
                failure = Missing($"DecayCorrection NONE needs each slice's acquisition time, and AcquisitionDate/AcquisitionTime (0008,0022/0032) of {SuvHeader.Label(slices[i], i)} is missing");
                return false;
            }

            double? durationMs = SuvHeader.Positive(slices[i], DicomTag.ActualFrameDuration);
            averaged &= durationMs.HasValue;
            times[i] = durationMs is { } ms
                ? acquisition + TimeSpan.FromSeconds(DecayMath.AverageCountRateTime(ms / 1000, halfLife))
                : acquisition;
        }

        if (averaged)
        {
            log.Note($"DecayCorrection NONE: each slice's dose is decayed to its AcquisitionTime plus the average-count-rate time of its ActualFrameDuration");
        }
        else
        {
            log.Warn($"DecayCorrection NONE: ActualFrameDuration (0018,1242) is missing on some slices, which are decayed to their AcquisitionTime (the frame start)");
        }

        DateTime earliest = times.Min();
        if (!InjectionTimeResolver.TryResolve(item, earliest, halfLife, options, log, out var injection, out failure))
        {
            return false;
        }

        var decayed = new double[slices.Count];
        for (int i = 0; i < slices.Count; i++)
        {
            double seconds = (times[i] - injection.Time).TotalSeconds;
            if (seconds < 0)
            {
                failure = new SuvFailure(SuvFailureReason.NegativeDecayTime, FormattableString.Invariant(
                    $"the injection {injection.Time:yyyy-MM-dd HH:mm:ss} is after the acquisition of {SuvHeader.Label(slices[i], i)}"));
                return false;
            }

            decayed[i] = dose * DecayMath.RemainingFraction(seconds, halfLife);
        }

        outcome = new Outcome(decayed, provenance with
        {
            ReferenceTimeSource = ReferenceTimeSource.PerSliceAcquisition,
            InjectionTime = injection.Time,
            InjectionTimeSource = injection.Source,
        });
        return true;
    }

    private static void CheckCorrectedImage(DicomDataset slice, string? decay, SuvLog log)
    {
        IReadOnlyList<string> corrected = slice.GetStrings(DicomTag.CorrectedImage);
        bool decayCorrected = corrected.Any(c => c is "DECY" or "DECAY");
        if (!corrected.Contains("ATTN"))
        {
            log.Warn($"CorrectedImage (0028,0051) does not contain ATTN: the image is not attenuation corrected");
        }

        if (decay is "START" or "ADMIN" && !decayCorrected)
        {
            log.Warn($"DecayCorrection is {decay} but CorrectedImage (0028,0051) does not contain DECY");
        }
        else if (decay is "NONE" && decayCorrected)
        {
            log.Warn($"DecayCorrection is NONE but CorrectedImage (0028,0051) contains DECY");
        }
    }

    private static SuvFailure Missing(string message) => new(SuvFailureReason.MissingAttribute, message);
}
