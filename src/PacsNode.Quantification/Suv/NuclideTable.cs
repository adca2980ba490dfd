using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Suv;

/// <summary>
/// Table half-lives used only to warn when a header's RadionuclideHalfLife differs by more than 0.5% (DOMAIN.md
/// section 2: trust the header). Values (seconds) and sources:
/// F-18 6586.2 (109.77 min, NNDC; the DICOM sample header in cornerstone calculate-suv);
/// Ga-68 4057.7 (the IBSI-SUV DRO_5_0 value; NNDC 67.71 min = 4062.6 s is within 0.12%);
/// Zr-89 282276 (78.41 h, NNDC; DOMAIN.md section 1);
/// C-11 1221.8 (20.364 min, NNDC); O-15 122.24 (2.0373 min, NNDC); N-13 597.9 (9.965 min, NNDC);
/// Cu-64 45721.1 (12.7004 h, Turku PET Centre table); I-124 360806.4 (4.176 d, Turku PET Centre table);
/// Rb-82 75.45 (1.2575 min, NNDC). See reference/domain-research.md 2.6.
/// The nuclide is identified from RadionuclideCodeSequence (0054,0300): SNOMED CT codes of CID 4020 (DCMTK
/// cid4020.cc), the legacy SRT codes seen in real headers, or the code meaning (e.g. "^18^Fluorine").
/// </summary>
public static class NuclideTable
{
    public static Nuclide F18 { get; } = new("F-18", 6586.2, "NNDC 109.77 min");

    public static Nuclide Ga68 { get; } = new("Ga-68", 4057.7, "IBSI-SUV DRO; NNDC 67.71 min within 0.12%");

    public static Nuclide Zr89 { get; } = new("Zr-89", 282276, "NNDC 78.41 h");

    public static Nuclide C11 { get; } = new("C-11", 1221.8, "NNDC 20.364 min");

    public static Nuclide O15 { get; } = new("O-15", 122.24, "NNDC 2.0373 min");

    public static Nuclide N13 { get; } = new("N-13", 597.9, "NNDC 9.965 min");

    public static Nuclide Cu64 { get; } = new("Cu-64", 45721.1, "Turku PET Centre 12.7004 h");

    public static Nuclide I124 { get; } = new("I-124", 360806.4, "Turku PET Centre 4.176 d");

    public static Nuclide Rb82 { get; } = new("Rb-82", 75.45, "NNDC 1.2575 min");

    /// <summary>Relative difference above which a header half-life earns a warning.</summary>
    public const double Tolerance = 0.005;

    private static readonly Dictionary<string, Nuclide> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["77004003"] = F18,
        ["C-111A1"] = F18,
        ["35337001"] = Ga68,
        ["C-131A1"] = Ga68,
        ["63360001"] = Zr89,
        ["C-168A4"] = Zr89,
        ["40565003"] = C11,
        ["3932008"] = Cu64,
        ["40937006"] = I124,
    };

    private static readonly Dictionary<string, Nuclide> ByMeaning = new(StringComparer.OrdinalIgnoreCase)
    {
        ["18FLUORINE"] = F18,
        ["68GALLIUM"] = Ga68,
        ["89ZIRCONIUM"] = Zr89,
        ["11CARBON"] = C11,
        ["15OXYGEN"] = O15,
        ["13NITROGEN"] = N13,
        ["64COPPER"] = Cu64,
        ["124IODINE"] = I124,
        ["82RUBIDIUM"] = Rb82,
    };

    /// <summary>The nuclide named by a radiopharmaceutical item's RadionuclideCodeSequence, or null.</summary>
    public static Nuclide? Identify(DicomDataset radiopharmaceutical)
    {
        ArgumentNullException.ThrowIfNull(radiopharmaceutical);
        if (radiopharmaceutical.GetSequence(DicomTag.RadionuclideCodeSequence) is not { Items.Count: > 0 } codes)
        {
            return null;
        }

        DicomDataset code = codes.Items[0];
        if (code.GetString(DicomTag.CodeValue) is { } value && ByCode.TryGetValue(value.Trim(), out Nuclide? byCode))
        {
            return byCode;
        }

        string meaning = new((code.GetString(DicomTag.CodeMeaning) ?? string.Empty)
            .Where(char.IsLetterOrDigit).ToArray());
        return ByMeaning.GetValueOrDefault(meaning.ToUpperInvariant());
    }

    /// <summary>A warning when the header half-life is more than 0.5% off the table value; null otherwise.</summary>
    public static string? CheckHalfLife(Nuclide? nuclide, double headerHalfLifeSeconds)
    {
        if (nuclide is null)
        {
            return null;
        }

        double relative = Math.Abs(headerHalfLifeSeconds - nuclide.HalfLifeSeconds) / nuclide.HalfLifeSeconds;
        return relative > Tolerance
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"RadionuclideHalfLife {headerHalfLifeSeconds} s differs by {relative:P2} from the {nuclide.Name} table value {nuclide.HalfLifeSeconds} s ({nuclide.Source}); the header value is used")
            : null;
    }
}
