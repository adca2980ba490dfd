using System.Buffers.Binary;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace PacsNode.Storage.Files;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of the store journal's records: the CPU's
/// CRC32 instruction where there is one (SSE 4.2, ARMv8 CRC), 8 bytes per step, else a table. Check value of
/// "123456789": 0xE3069283.
/// </summary>
internal static class Crc32C
{
    private const uint Polynomial = 0x82F63B78u;
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues <paramref name="crc"/> (a previous result, 0 to start) over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint state = ~crc;
        if (Sse42.X64.IsSupported)
        {
            ulong wide = state;
            while (data.Length >= 8)
            {
                wide = Sse42.X64.Crc32(wide, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            state = (uint)wide;
            foreach (byte b in data)
            {
                state = Sse42.Crc32(state, b);
            }
        }
        else if (Crc32.Arm64.IsSupported)
        {
            while (data.Length >= 8)
            {
                state = Crc32.Arm64.ComputeCrc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            foreach (byte b in data)
            {
                state = Crc32.ComputeCrc32C(state, b);
            }
        }
        else
        {
            foreach (byte b in data)
            {
                state = Table[(byte)(state ^ b)] ^ (state >> 8);
            }
        }

        return ~state;
    }

    /// <summary>Continues <paramref name="crc"/> over several blocks in order.</summary>
    public static uint Append(uint crc, IReadOnlyList<ReadOnlyMemory<byte>> blocks)
    {
        foreach (ReadOnlyMemory<byte> block in blocks)
        {
            crc = Append(crc, block.Span);
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint value = i;
            for (int bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ Polynomial : value >> 1;
            }

            table[i] = value;
        }

        return table;
    }

    /// <summary>The table path alone, for tests that hold the hardware path to it.</summary>
    internal static uint ComputeWithTable(ReadOnlySpan<byte> data)
    {
        uint state = uint.MaxValue;
        foreach (byte b in data)
        {
            state = Table[(byte)(state ^ b)] ^ (state >> 8);
        }

        return ~state;
    }
}
