using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.Data;

/// <summary>
/// Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table item followed by one item per fragment.
/// </summary>
public sealed class DicomFragmentSequence : DicomItem
{
    public DicomFragmentSequence(DicomTag tag, DicomVR vr, DicomBuffer? offsetTable = null, IEnumerable<DicomBuffer>? fragments = null)
        : base(tag, vr)
    {
        OffsetTable = offsetTable ?? DicomBuffer.Empty;
        if (fragments is not null)
        {
            foreach (DicomBuffer fragment in fragments)
            {
                Fragments.Add(fragment);
            }
        }
    }

    /// <summary>The Basic Offset Table item's value, empty when the encoder left it empty.</summary>
    public DicomBuffer OffsetTable { get; set; }

    public IList<DicomBuffer> Fragments { get; } = new List<DicomBuffer>();
}
