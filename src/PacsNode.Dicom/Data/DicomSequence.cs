using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data;

/// <summary>A sequence of items (VR SQ), each item a nested dataset.</summary>
public sealed class DicomSequence : DicomItem
{
    public DicomSequence(DicomTag tag, IEnumerable<DicomDataset>? items = null)
        : base(tag, DicomVR.SQ)
    {
        if (items is not null)
        {
            foreach (DicomDataset item in items)
            {
                Items.Add(item);
            }
        }
    }

    public IList<DicomDataset> Items { get; } = new List<DicomDataset>();

    /// <summary>How the sequence was encoded when read; writers keep it unless told otherwise.</summary>
    public bool UndefinedLength { get; set; } = true;

    /// <summary>
    /// True when the sequence was read as a UN element of undefined length (PS3.5 6.2.2): its items are then
    /// implicit VR little endian whatever the transfer syntax.
    /// </summary>
    public bool ReadAsUnknown { get; init; }
}
