using System.Text;
using PacsNode.Storage.Files;
using Xunit;

namespace PacsNode.Storage.Tests.Files;

public sealed class Crc32CTests
{
    [Fact]
    public void Compute_CheckString_ReturnsCatalogueCheckValue()
    {
        // The CRC catalogue's check value of CRC-32C (CRC-32/ISCSI): the CRC of the ASCII bytes "123456789".
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
        Assert.Equal(0xE3069283u, Crc32C.ComputeWithTable("123456789"u8));
    }

    [Theory]
    [InlineData(0x00, 0, 0x8A9136AAu)]
    [InlineData(0xFF, 0, 0x62A8AB43u)]
    [InlineData(0x00, 1, 0x46DD794Eu)]
    [InlineData(0x1F, -1, 0x113FDB5Cu)]
    public void Compute_Rfc3720Vectors_ReturnsPublishedCrc(int first, int step, uint expected)
    {
        // RFC 3720 (iSCSI) appendix B.4: 32 bytes of zeros, of 0xFF, ascending 0..31, descending 31..0.
        byte[] data = [.. Enumerable.Range(0, 32).Select(i => (byte)(first + (step * i)))];

        Assert.Equal(expected, Crc32C.Compute(data));
        Assert.Equal(expected, Crc32C.ComputeWithTable(data));
    }

    [Fact]
    public void Compute_Empty_ReturnsZero()
    {
        Assert.Equal(0u, Crc32C.Compute([]));
        Assert.Equal(0u, Crc32C.Append(0, ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Compute_RandomDataOfEveryLengthAndAlignment_EqualsTablePath()
    {
        var random = new Random(3720);
        byte[] buffer = new byte[1000 + 8];
        random.NextBytes(buffer);
        for (int start = 0; start < 8; start++)
        {
            for (int length = 0; length <= 1000; length++)
            {
                ReadOnlySpan<byte> slice = buffer.AsSpan(start, length);
                Assert.Equal(Crc32C.ComputeWithTable(slice), Crc32C.Compute(slice));
            }
        }
    }

    [Fact]
    public void Compute_SingleBitFlip_ChangesCrc()
    {
        byte[] data = Encoding.ASCII.GetBytes("a journal record's header and paths");
        uint original = Crc32C.Compute(data);
        for (int bit = 0; bit < data.Length * 8; bit++)
        {
            data[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(original, Crc32C.Compute(data));
            data[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }

    [Fact]
    public void Append_SplitAtEveryPoint_EqualsOneShot()
    {
        var random = new Random(42);
        byte[] data = new byte[300];
        random.NextBytes(data);
        uint expected = Crc32C.ComputeWithTable(data);
        for (int split = 0; split <= data.Length; split++)
        {
            uint crc = Crc32C.Append(Crc32C.Append(0, data.AsSpan(0, split)), data.AsSpan(split));
            Assert.Equal(expected, crc);
        }
    }

    [Fact]
    public void Append_RandomBlockLists_EqualsOneShot()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            byte[] data = new byte[random.Next(0, 2000)];
            random.NextBytes(data);
            var blocks = new List<ReadOnlyMemory<byte>>();
            for (int at = 0; at < data.Length;)
            {
                int length = Math.Min(data.Length - at, random.Next(0, 40));
                blocks.Add(data.AsMemory(at, length));
                at += length;
            }

            Assert.Equal(Crc32C.ComputeWithTable(data), Crc32C.Append(0, blocks));
        }
    }

    [Fact]
    public void Append_BlockListAfterPrefix_ContinuesPrefixCrc()
    {
        byte[] whole = Encoding.ASCII.GetBytes("123456789");
        uint prefix = Crc32C.Compute(whole.AsSpan(0, 2));
        IReadOnlyList<ReadOnlyMemory<byte>> rest = [whole.AsMemory(2, 3), ReadOnlyMemory<byte>.Empty, whole.AsMemory(5)];

        Assert.Equal(0xE3069283u, Crc32C.Append(prefix, rest));
    }
}
