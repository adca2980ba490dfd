using System.Diagnostics.CodeAnalysis;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Suv;

/// <summary>
/// Units GML and CM2ML: the pixels already hold SUV of the kind SUVType (0054,1006) names (empty: BW for GML,
/// BSA for CM2ML). The SUVbw factor is body weight / X, so SUVbw = stored SUVx × W / X.
/// </summary>
internal static class StoredSuv
{
    public static bool TryFactor(
        DicomDataset first,
        string units,
        double? weightKg,
        double? heightCm,
        string? sex,
        SuvLog log,
        out double factor,
        [NotNullWhen(true)] out string? suvType,
        [NotNullWhen(false)] out SuvFailure? failure)
    {
        factor = 0;
        failure = null;
        suvType = first.GetString(DicomTag.SUVType)?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(suvType))
        {
            suvType = units == "GML" ? "BW" : "BSA";
            log.Note($"SUVType (0054,1006) empty: {suvType} assumed for Units {units}");
        }

        SuvNormalisation? kind = suvType switch
        {
            "BW" => SuvNormalisation.BodyWeight,
            "LBMJANMA" => SuvNormalisation.LeanBodyMassJanma,
            "LBMJAMES128" => SuvNormalisation.LeanBodyMassJames128,
            "IBW" => SuvNormalisation.IdealBodyWeight,
            "BSA" => SuvNormalisation.BodySurfaceArea,
            _ => null,
        };
        if (suvType == "LBM")
        {
            failure = new SuvFailure(SuvFailureReason.AmbiguousSuvType,
                "SUVType (0054,1006) LBM does not say whether James's formula used 120 or 128 for males (DICOM notes implementations differ); the stored SUV cannot be converted");
            return false;
        }

        if (kind is not { } normalisation || (units == "CM2ML") != (normalisation == SuvNormalisation.BodySurfaceArea))
        {
            failure = new SuvFailure(SuvFailureReason.InvalidAttribute, $"SUVType (0054,1006) '{suvType}' does not fit Units (0054,1001) {units}");
            return false;
        }

        if (normalisation == SuvNormalisation.BodyWeight)
        {
            factor = 1;
            log.Note($"Units GML with SUVType BW: the stored values are SUVbw");
            return true;
        }

        if (weightKg is null)
        {
            failure = new SuvFailure(SuvFailureReason.MissingAttribute, $"PatientWeight (0010,1030) is missing or zero, and converting stored SUV of type {suvType} to SUVbw needs it");
            return false;
        }

        if (NormaliserRatios.Quantity(normalisation, weightKg, heightCm, sex) is not { } quantity || !(quantity > 0))
        {
            failure = new SuvFailure(SuvFailureReason.MissingAttribute, $"PatientSize (0010,1020) is missing or zero, and converting stored SUV of type {suvType} to SUVbw needs it");
            return false;
        }

        factor = weightKg.Value * 1000 / quantity;
        log.Note($"Units {units} with SUVType {suvType}: SUVbw = stored × weight / {normalisation} ({quantity} {(normalisation == SuvNormalisation.BodySurfaceArea ? "cm²" : "g")})");
        return true;
    }
}
