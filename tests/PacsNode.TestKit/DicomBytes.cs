using System.Buffers.Binary;
using System.Text;

namespace PacsNode.TestKit;

/// <summary>
/// Builds raw dataset bytes element by element in any of the uncompressed encodings, in the spirit of DCMTK's
/// dctmacro.h, so tests can state malformed input exactly.
/// </summary>
public sealed class DicomBytes(bool explicitVR = true, bool bigEndian = false)
{
    public const uint Undefined = 0xFFFF_FFFF;

    private readonly List<byte> _bytes = [];

    public int Length => _bytes.Count;

    public DicomBytes Tag(ushort group, ushort element)
    {
        U16(group);
        U16(element);
        return this;
    }

    /// <summary>An element header: tag, VR (explicit only) and length in the right form for the VR.</summary>
    public DicomBytes Header(ushort group, ushort element, string vr, uint length)
    {
        Tag(group, element);
        if (!explicitVR)
        {
            return U32(length);
        }

        Raw(Encoding.ASCII.GetBytes(vr));
        if (vr is "OB" or "OD" or "OF" or "OL" or "OV" or "OW" or "SQ" or "SV" or "UC" or "UN" or "UR" or "UT" or "UV")
        {
            U16(0);
            return U32(length);
        }

        return U16((ushort)length);
    }

    public DicomBytes Element(ushort group, ushort element, string vr, byte[] value) =>
        Header(group, element, vr, (uint)value.Length).Raw(value);

    public DicomBytes Text(ushort group, ushort element, string vr, string value)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(value);
        if ((bytes.Length & 1) == 1)
        {
            bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
        }

        return Element(group, element, vr, bytes);
    }

    public DicomBytes US(ushort group, ushort element, params ushort[] values)
    {
        Header(group, element, "US", (uint)(values.Length * 2));
        foreach (ushort v in values)
        {
            U16(v);
        }

        return this;
    }

    public DicomBytes Item(uint length = Undefined) => Tag(0xFFFE, 0xE000).U32(length);

    public DicomBytes ItemEnd() => Tag(0xFFFE, 0xE00D).U32(0);

    public DicomBytes SequenceEnd() => Tag(0xFFFE, 0xE0DD).U32(0);

    public DicomBytes U16(ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        }

        _bytes.AddRange(b);
        return this;
    }

    public DicomBytes U32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        }

        _bytes.AddRange(b);
        return this;
    }

    public DicomBytes Raw(ReadOnlySpan<byte> bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    /// <summary>A Part 10 header: 128-byte preamble, DICM and a minimal meta group naming the transfer syntax.</summary>
    public static byte[] Part10Header(string transferSyntaxUid)
    {
        var meta = new DicomBytes()
            .Element(0x0002, 0x0001, "OB", [0, 1])
            .Text(0x0002, 0x0010, "UI", transferSyntaxUid);
        byte[] metaBytes = meta.ToArray();
        var head = new DicomBytes().Raw(new byte[128]).Raw("DICM"u8);
        head.Header(0x0002, 0x0000, "UL", 4).U32((uint)metaBytes.Length).Raw(metaBytes);
        return head.ToArray();
    }

    public byte[] ToArray() => [.. _bytes];
}
