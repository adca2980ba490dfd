using System.Diagnostics.CodeAnalysis;
using PacsNode.Dicom.Data;

namespace PacsNode.Quantification.Suv;

/// <summary>
/// Units CNTS (Philips): private creator "Philips PET Private Group" element xx00 is the SUV scale factor
/// (rescaled value → SUVbw) and xx09 the activity concentration scale factor (rescaled value → Bq/ml). The SUV
/// scale factor wins when both are present (cornerstone's PHILIPS_CNTS_AND_BQML_SUV reference case).
/// </summary>
internal static class PhilipsCounts
{
    public static bool TryFactors(
        IReadOnlyList<DicomDataset> slices,
        SuvLog log,
        double[] multipliers,
        out double[]? factorsBw,
        [NotNullWhen(false)] out SuvFailure? failure)
    {
        failure = null;
        factorsBw = null;
        double?[] suvScale = new double?[slices.Count];
        double?[] activityScale = new double?[slices.Count];
        bool withoutCreator = false;
        for (int i = 0; i < slices.Count; i++)
        {
            suvScale[i] = SuvHeader.PhilipsValue(slices[i], SuvHeader.PhilipsSuvScaleElement, out bool bare1);
            activityScale[i] = SuvHeader.PhilipsValue(slices[i], SuvHeader.PhilipsActivityScaleElement, out bool bare2);
            withoutCreator |= bare1 || bare2;
        }

        if (withoutCreator)
        {
            log.Warn($"group 7053 has no private creator element; the Philips factors were read at their conventional block (7053,10xx)");
        }

        if (suvScale.All(v => v > 0))
        {
            factorsBw = suvScale.Select(v => v!.Value).ToArray();
            log.Note($"Units CNTS: SUVbw factor from the Philips SUV scale factor (7053,xx00)");
            return true;
        }

        if (activityScale.All(v => v > 0))
        {
            for (int i = 0; i < multipliers.Length; i++)
            {
                multipliers[i] = activityScale[i]!.Value;
            }

            log.Note($"Units CNTS: counts × Philips activity concentration scale factor (7053,xx09) = Bq/ml");
            return true;
        }

        int missing = Enumerable.Range(0, slices.Count).First(i => !(suvScale[i] > 0) && !(activityScale[i] > 0));
        failure = new SuvFailure(
            SuvFailureReason.UnconvertibleUnits,
            $"Units CNTS cannot be converted: {SuvHeader.Label(slices[missing], missing)} (and the series as a whole) lacks a usable Philips SUV scale factor (7053,xx00) or activity concentration scale factor (7053,xx09) of creator 'Philips PET Private Group'");
        return false;
    }
}
