using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.StructuredReport.Content;

/// <summary>
/// The Code Sequence Macro (PS3.3 table 8.8-1): a value longer than 16 characters (SH) goes to Long Code Value (UC),
/// a URN to URN Code Value (UR); reading accepts all three.
/// </summary>
internal static class CodeSequence
{
    private const int ShortValueLimit = 16;

    public static DicomDataset ToItem(Code code, DicomDataset parent)
    {
        ArgumentNullException.ThrowIfNull(code);
        DicomDataset item = Elements.Item(parent);
        if (code.Value.StartsWith("urn:", StringComparison.Ordinal) || code.Value.StartsWith("http", StringComparison.Ordinal))
        {
            item.SetString(DicomTag.URNCodeValue, DicomVR.UR, code.Value);
        }
        else if (code.Value.Length > ShortValueLimit)
        {
            item.SetString(DicomTag.LongCodeValue, DicomVR.UC, code.Value);
        }
        else
        {
            item.SetString(DicomTag.CodeValue, DicomVR.SH, code.Value);
        }

        item.SetString(DicomTag.CodingSchemeDesignator, DicomVR.SH, code.Scheme);
        if (code.SchemeVersion is not null)
        {
            item.SetString(DicomTag.CodingSchemeVersion, DicomVR.SH, code.SchemeVersion);
        }

        item.SetString(DicomTag.CodeMeaning, DicomVR.LO, code.Meaning);
        return item;
    }

    public static void Write(DicomDataset target, DicomTag sequence, Code code) =>
        Elements.Sequence(target, sequence, [ToItem(code, target)]);

    /// <summary>The code in the first item of a code sequence, or null when absent or without value.</summary>
    public static Code? Read(DicomDataset source, DicomTag sequence)
    {
        DicomDataset? item = source.GetSequence(sequence)?.Items.FirstOrDefault();
        return item is null ? null : FromItem(item);
    }

    public static Code? FromItem(DicomDataset item)
    {
        string? value = item.GetString(DicomTag.CodeValue) ?? item.GetString(DicomTag.LongCodeValue) ?? item.GetString(DicomTag.URNCodeValue);
        string? scheme = item.GetString(DicomTag.CodingSchemeDesignator);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return new Code(value, scheme ?? string.Empty, item.GetString(DicomTag.CodeMeaning) ?? string.Empty, item.GetString(DicomTag.CodingSchemeVersion));
    }
}
