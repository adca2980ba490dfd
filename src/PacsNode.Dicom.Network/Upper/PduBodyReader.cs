using System.Buffers.Binary;
using System.Text;

namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// Reads big-endian fields from a PDU body or item, checking every length against the bytes remaining in the
/// enclosing structure, so a hostile length is refused before anything is allocated.
/// </summary>
internal ref struct PduBodyReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _what;

    public PduBodyReader(ReadOnlySpan<byte> data, string what)
    {
        _data = data;
        _what = what;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public readonly bool End => Position >= _data.Length;

    public byte ReadByte() => Take(1, "a byte")[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2, "a 16-bit field"));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4, "a 32-bit field"));

    public void Skip(int count) => Take(count, "reserved bytes");

    public ReadOnlySpan<byte> ReadBytes(int count, string field) => Take(count, field);

    /// <summary>An ASCII field with leading and trailing spaces and trailing NULs removed (AE titles, UIDs).</summary>
    public string ReadAscii(int count, string field) => DecodeAscii(Take(count, field));

    /// <summary>An item header (type, reserved, 16-bit length), then the item's bytes checked against what remains.</summary>
    public ReadOnlySpan<byte> ReadItem(out byte type)
    {
        type = ReadByte();
        Skip(1);
        ushort length = ReadUInt16();
        return Take(length, $"item 0x{type:X2} of {length} bytes");
    }

    public static string DecodeAscii(ReadOnlySpan<byte> bytes) =>
        Encoding.ASCII.GetString(bytes).Trim(' ', '\0');

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count > Remaining)
        {
            throw new UpperLayerProtocolException(AbortReason.InvalidPduParameterValue,
                $"{_what}: {field} needs {count} bytes at offset {Position} but only {Remaining} remain");
        }

        ReadOnlySpan<byte> result = _data.Slice(Position, count);
        Position += count;
        return result;
    }
}
