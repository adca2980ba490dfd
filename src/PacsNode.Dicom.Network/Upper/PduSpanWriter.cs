using System.Buffers.Binary;
using System.Text;

namespace PacsNode.Dicom.Network.Upper;

/// <summary>Writes big-endian PDU fields into a span measured beforehand.</summary>
internal ref struct PduSpanWriter
{
    private readonly Span<byte> _span;

    public PduSpanWriter(Span<byte> span)
    {
        _span = span;
    }

    public int Position { get; private set; }

    public void WriteByte(byte value) => _span[Position++] = value;

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_span[Position..], value);
        Position += 2;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_span[Position..], value);
        Position += 4;
    }

    public void WriteZeros(int count)
    {
        _span.Slice(Position, count).Clear();
        Position += count;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_span[Position..]);
        Position += bytes.Length;
    }

    public void WriteAscii(string text) => Position += Encoding.ASCII.GetBytes(text, _span[Position..]);

    /// <summary>An AE title field: 16 bytes, space padded (PS3.8 table 9-11).</summary>
    public void WriteAeTitle(string title)
    {
        Span<byte> field = _span.Slice(Position, 16);
        field.Fill((byte)' ');
        Encoding.ASCII.GetBytes(title, field);
        Position += 16;
    }

    /// <summary>An item header: type, reserved byte, 16-bit length of what follows.</summary>
    public void WriteItemHeader(ItemType type, int length)
    {
        WriteByte((byte)type);
        WriteByte(0);
        WriteUInt16(checked((ushort)length));
    }

    /// <summary>An item holding only an ASCII value (application context, abstract and transfer syntax, UIDs).</summary>
    public void WriteTextItem(ItemType type, string value)
    {
        WriteItemHeader(type, value.Length);
        WriteAscii(value);
    }
}
