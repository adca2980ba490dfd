using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.Data;

/// <summary>
/// A data element with a value of bytes. Binary values are held little-endian whatever the transfer syntax they
/// were read from; strings are held as encoded bytes and decoded on access with the dataset's character set.
/// </summary>
public sealed class DicomElement : DicomItem
{
    public DicomElement(DicomTag tag, DicomVR vr, DicomBuffer buffer)
        : base(tag, vr)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Buffer = buffer;
    }

    public DicomBuffer Buffer { get; }

    public long Length => Buffer.Length;

    /// <summary>True for a zero-length value (an attribute present but empty, PS3.5 7.4).</summary>
    public bool IsEmpty => Buffer.Length == 0;
}
