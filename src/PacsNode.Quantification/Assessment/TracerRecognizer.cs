using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Suv;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Recognises the tracer of a PET series from its first Radiopharmaceutical Information Sequence item, codes first:
/// <list type="bullet">
/// <item>18F-FDG: RadiopharmaceuticalCodeSequence SCT 35321007 (legacy SRT C-B1031), or Radiopharmaceutical text
/// naming FDG / fluorodeoxyglucose / glucose (<see cref="GlucoseTracer"/>); a nuclide other than F-18 makes it
/// "other" (contradictory header).</item>
/// <item>89Zr-trastuzumab: RadiopharmaceuticalCodeSequence DCM 126512 "Trastuzumab ^89^Zr", or the nuclide Zr-89
/// (RadionuclideCodeSequence, <see cref="NuclideTable"/>, or "89Zr"/"Zr-89"/"zirconium" in the text) together with
/// "trastuzumab" in the radiopharmaceutical text or code meaning.</item>
/// <item>Everything else: <see cref="PetTracer.Other"/>.</item>
/// </list>
/// The half-life is RadionuclideHalfLife when present, else the nuclide table's.
/// </summary>
public static class TracerRecognizer
{
    public const string FdgCode = "35321007";
    public const string FdgLegacyCode = "C-B1031";
    public const string Zr89TrastuzumabCode = "126512";

    public static TracerInfo Recognize(DicomDataset slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        if (slice.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence)?.Items.FirstOrDefault() is not { } item)
        {
            return new TracerInfo(PetTracer.Other, null, null, null, null, "no Radiopharmaceutical Information Sequence");
        }

        string text = item.GetString(DicomTag.Radiopharmaceutical)?.Trim() ?? string.Empty;
        DicomDataset? code = item.GetSequence(DicomTag.RadiopharmaceuticalCodeSequence)?.Items.FirstOrDefault();
        string codeValue = code?.GetString(DicomTag.CodeValue)?.Trim() ?? string.Empty;
        string codeMeaning = code?.GetString(DicomTag.CodeMeaning)?.Trim() ?? string.Empty;
        Nuclide? nuclide = NuclideTable.Identify(item) ?? NuclideFromText(text);
        string? name = codeMeaning.Length > 0 ? codeMeaning : text.Length > 0 ? text : null;
        (double? halfLife, string? source) = item.TryGetDouble(DicomTag.RadionuclideHalfLife, out double h) && h > 0
            ? (h, "header")
            : nuclide is null ? ((double?)null, (string?)null) : (nuclide.HalfLifeSeconds, "table");

        TracerInfo Make(PetTracer tracer, string evidence) => new(tracer, name, nuclide?.Name, halfLife, source, evidence);

        bool fdgCode = codeValue is FdgCode or FdgLegacyCode;
        bool fdgText = GlucoseTracer.Is(slice);
        if (fdgCode || fdgText)
        {
            string why = fdgCode ? $"RadiopharmaceuticalCodeSequence {codeValue}" : $"Radiopharmaceutical '{text}'";
            return nuclide is null || nuclide == NuclideTable.F18
                ? Make(PetTracer.Fdg, why)
                : Make(PetTracer.Other, $"{why} names FDG but the nuclide is {nuclide.Name}");
        }

        if (codeValue == Zr89TrastuzumabCode)
        {
            return Make(PetTracer.Zr89Trastuzumab, $"RadiopharmaceuticalCodeSequence {codeValue}");
        }

        bool trastuzumab = text.Contains("trastuzumab", StringComparison.OrdinalIgnoreCase)
            || codeMeaning.Contains("trastuzumab", StringComparison.OrdinalIgnoreCase);
        if (nuclide == NuclideTable.Zr89 && trastuzumab)
        {
            return Make(PetTracer.Zr89Trastuzumab, $"nuclide Zr-89 and radiopharmaceutical '{name}'");
        }

        return Make(PetTracer.Other, $"radiopharmaceutical '{name ?? "(none)"}', nuclide {nuclide?.Name ?? "unknown"}");
    }

    private static Nuclide? NuclideFromText(string text)
    {
        string compact = new([.. text.Where(char.IsLetterOrDigit)]);
        if (compact.Contains("89Zr", StringComparison.OrdinalIgnoreCase) || compact.Contains("Zr89", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("zirconium", StringComparison.OrdinalIgnoreCase))
        {
            return NuclideTable.Zr89;
        }

        return compact.Contains("18F", StringComparison.OrdinalIgnoreCase) || compact.Contains("F18", StringComparison.OrdinalIgnoreCase)
            ? NuclideTable.F18
            : null;
    }
}
