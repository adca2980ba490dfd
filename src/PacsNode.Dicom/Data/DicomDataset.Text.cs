using System.Text;
using PacsNode.Dicom.Data.Text;
using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data;

/// <summary>Text values decoded with the Specific Character Set in force for this dataset (PS3.5 6.1).</summary>
public sealed partial class DicomDataset
{
    private static readonly DicomTag SpecificCharacterSet = new(0x0008, 0x0005);

    /// <summary>
    /// The character set of this dataset: its own (0008,0005), else the one of the enclosing dataset, else the
    /// default repertoire (PS3.5 6.1.2.4: an item without the attribute inherits it). Misspelled terms are
    /// repaired leniently (see <see cref="DicomCharacterSet.FromSpecificCharacterSetLenient"/>): a node must not
    /// refuse a study over a typo in (0008,0005).
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

    /// <summary>
    /// The whole value of a string element, decoded, with the padding PS3.5 table 6.2-1 calls insignificant for
    /// its VR removed; null when the element is absent.
    /// </summary>
    public string? GetString(DicomTag tag)
    {
        if (Get(tag) is not DicomElement element || !element.Buffer.IsInMemory)
        {
            return null;
        }

        string text = element.VR.UsesSpecificCharacterSet()
            ? GetCharacterSet().Decode(element.Buffer.Span, element.VR)
            : Encoding.Latin1.GetString(element.Buffer.Span);
        return DicomStringValues.Trim(text, element.VR);
    }

    /// <summary>The values of a string element, split on backslash (except LT, ST, UT and UR) and trimmed per VR.</summary>
    public IReadOnlyList<string> GetStrings(DicomTag tag)
    {
        if (Get(tag) is not DicomElement element || element.IsEmpty || !element.Buffer.IsInMemory)
        {
            return [];
        }

        string text = element.VR.UsesSpecificCharacterSet()
            ? GetCharacterSet().Decode(element.Buffer.Span, element.VR)
            : Encoding.Latin1.GetString(element.Buffer.Span);
        return DicomStringValues.Split(text, element.VR);
    }

    /// <summary>Sets a string element, encoded with this dataset's character set (padding is added on write).</summary>
    public void SetString(DicomTag tag, DicomVR vr, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] bytes = vr.UsesSpecificCharacterSet()
            ? GetCharacterSet().Encode(value, vr)
            : Encoding.ASCII.GetBytes(value);
        AddOrUpdate(new DicomElement(tag, vr, IO.Buffers.DicomBuffer.FromBytes(bytes)));
    }
}
