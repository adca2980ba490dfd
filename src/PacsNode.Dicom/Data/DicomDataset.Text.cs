using System.Text;
using PacsNode.Dicom.Data.Text;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data;

/// <summary>Text values decoded with the Specific Character Set in force for this dataset (PS3.5 6.1).</summary>
public sealed partial class DicomDataset
{
    private static readonly DicomTag SpecificCharacterSet = new(0x0008, 0x0005);

    /// <summary>
    /// The character set of this dataset: its own (0008,0005), else the one of the enclosing dataset, else the
    /// default repertoire (PS3.5 6.1.2.4: an item without the attribute inherits it).
    /// </summary>
    public DicomCharacterSet GetCharacterSet()
    {
        for (DicomDataset? d = this; d is not null; d = d.Parent)
        {
            if (d.Get(SpecificCharacterSet) is DicomElement { IsEmpty: false } element)
            {
                string[] terms = Encoding.ASCII.GetString(element.Buffer.Span).Split('\\')
                    .Select(t => t.Trim(' ', '\0')).ToArray();
                return DicomCharacterSet.FromSpecificCharacterSetLenient(terms);
            }
        }

        return DicomCharacterSet.Default;
    }

    /// <summary>The whole value of a string element, decoded, with the VR's insignificant padding removed.</summary>
    public string? GetString(DicomTag tag)
    {
        if (Get(tag) is not DicomElement element)
        {
            return null;
        }

        string text = element.VR.IsString() || element.VR == DicomVR.UN
            ? GetCharacterSet().Decode(element.Buffer.Span, element.VR)
            : Encoding.ASCII.GetString(element.Buffer.Span);
        return text.TrimEnd(' ', '\0');
    }

    /// <summary>The values of a multi-valued string element, split on backslash (except for LT, ST, UT, UR).</summary>
    public IReadOnlyList<string> GetStrings(DicomTag tag)
    {
        string? text = GetString(tag);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        DicomVR vr = Get(tag)!.VR;
        return vr.IsSingleValuedText() ? [text] : text.Split('\\').Select(v => v.Trim(' ', '\0')).ToArray();
    }
}
