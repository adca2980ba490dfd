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

    /// <summary>Sets an AT element (group and element, each 16-bit little endian); an empty list sets nothing.</summary>
    public CommandSet SetTags(DicomTag tag, IReadOnlyList<DicomTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count == 0)
        {
            return this;
        }

        byte[] bytes = new byte[tags.Count * 4];
        for (int i = 0; i < tags.Count; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4), tags[i].Group);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((i * 4) + 2), tags[i].Element);
        }

        Dataset.AddOrUpdate(new DicomElement(tag, DicomVR.AT, DicomBuffer.FromBytes(bytes)));
        return this;
    }

    /// <summary>The values of an AT element; empty when it is absent.</summary>
    public IReadOnlyList<DicomTag> GetTags(DicomTag tag)
    {
        if (Dataset.Get(tag) is not DicomElement element)
        {
            return [];
        }

        ReadOnlySpan<byte> span = element.Buffer.Span;
        var tags = new List<DicomTag>(span.Length / 4);
        for (int i = 0; i + 4 <= span.Length; i += 4)
        {
            tags.Add(new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(span[i..]),
                BinaryPrimitives.ReadUInt16LittleEndian(span[(i + 2)..])));
        }

        return tags;
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

    /// <summary>An Error Comment (LO) cut to its 64 characters.</summary>
    internal static string? CutComment(string? comment) => comment is { Length: > 64 } c ? c[..64] : comment;

    private ushort GetUInt16(DicomTag tag) =>
        TryGetUInt16(tag, out ushort value)
            ? value
            : throw new DicomException($"The command set has no 16-bit value for {tag}.");
}
