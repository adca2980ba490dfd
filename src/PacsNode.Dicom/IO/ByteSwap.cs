using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PacsNode.Dicom.IO;

/// <summary>Byte-order conversion of binary values between big-endian streams and little-endian elements.</summary>
internal static class ByteSwap
{
    /// <summary>Reverses each <paramref name="size"/>-byte value in place; a trailing partial value is left as is.</summary>
    public static void InPlace(Span<byte> bytes, int size)
    {
        int whole = bytes.Length / size * size;
        Span<byte> values = bytes[..whole];
        switch (size)
        {
            case 2:
                Span<ushort> u16 = MemoryMarshal.Cast<byte, ushort>(values);
                BinaryPrimitives.ReverseEndianness(u16, u16);
                break;
            case 4:
                Span<uint> u32 = MemoryMarshal.Cast<byte, uint>(values);
                BinaryPrimitives.ReverseEndianness(u32, u32);
                break;
            case 8:
                Span<ulong> u64 = MemoryMarshal.Cast<byte, ulong>(values);
                BinaryPrimitives.ReverseEndianness(u64, u64);
                break;
        }
    }
}
