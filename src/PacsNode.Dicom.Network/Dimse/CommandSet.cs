using System.Buffers;
using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>
/// A DIMSE command set (PS3.7 section 6.3 and Annex E): group 0000 elements, always encoded in implicit VR little
/// endian with Command Group Length (0000,0000) computed on encoding.
/// </summary>
public sealed class CommandSet
{
    /// <summary>Command Data Set Type value meaning "no dataset follows" (PS3.7 E.1-1).</summary>
    public const ushort NoDataSet = 0x0101;

    public CommandSet(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;
    }

    public DicomDataset Dataset { get; }

    public CommandField Field => (CommandField)GetUInt16(DicomTag.CommandField);

    public ushort MessageId => GetUInt16(DicomTag.MessageID);

    public ushort MessageIdBeingRespondedTo => GetUInt16(DicomTag.MessageIDBeingRespondedTo);

    public string? AffectedSopClassUid => Dataset.GetString(DicomTag.AffectedSOPClassUID);

    public string? AffectedSopInstanceUid => Dataset.GetString(DicomTag.AffectedSOPInstanceUID);

    public bool HasDataset => GetUInt16(DicomTag.CommandDataSetType) != NoDataSet;

    public DicomStatus Status => new(GetUInt16(DicomTag.Status));

    /// <summary>A new command set with its group length placeholder, command field and data set type.</summary>
    public static CommandSet Create(CommandField field, bool hasDataset)
    {
        var set = new CommandSet(new DicomDataset());
        set.Dataset.AddOrUpdate(new DicomElement(DicomTag.CommandGroupLength, DicomVR.UL, DicomBuffer.FromBytes(new byte[4])));
        set.SetUInt16(DicomTag.CommandField, (ushort)field);
        set.SetUInt16(DicomTag.CommandDataSetType, hasDataset ? (ushort)0x0000 : NoDataSet);
        return set;
    }

    /// <summary>Decodes a reassembled command; the bytes are copied, so the caller may reuse its buffers.</summary>
    /// <exception cref="DicomParseException">The bytes are not a well-formed implicit VR little endian dataset.</exception>
    public static CommandSet Decode(ReadOnlySequence<byte> bytes) =>
        new(DicomDatasetCodec.Decode(new ReadOnlySequence<byte>(bytes.ToArray()), DicomTransferSyntax.ImplicitVRLittleEndian));

    public byte[] Encode() => DicomDatasetCodec.Encode(Dataset, DicomTransferSyntax.ImplicitVRLittleEndian);

    public CommandSet SetUInt16(DicomTag tag, ushort value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        Dataset.AddOrUpdate(new DicomElement(tag, DicomVR.US, DicomBuffer.FromBytes(bytes)));
        return this;
    }

    public CommandSet SetString(DicomTag tag, DicomVR vr, string? value)
    {
        if (value is not null)
        {
            Dataset.SetString(tag, vr, value);
        }

        return this;
    }

    public bool TryGetUInt16(DicomTag tag, out ushort value)
    {
        if (Dataset.Get(tag) is DicomElement { Length: 2 } element)
        {
            value = BinaryPrimitives.ReadUInt16LittleEndian(element.Buffer.Span);
            return true;
        }

        value = 0;
        return false;
    }

    private ushort GetUInt16(DicomTag tag) =>
        TryGetUInt16(tag, out ushort value)
            ? value
            : throw new DicomException($"The command set has no 16-bit value for {tag}.");
}
