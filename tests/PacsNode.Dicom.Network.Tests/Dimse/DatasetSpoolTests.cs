using System.Buffers;
using System.Runtime.InteropServices;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Dimse;

public sealed class DatasetSpoolTests
{
    [Fact]
    public async Task Append_BelowThreshold_StaysInMemory()
    {
        using var temp = new TempDirectory();
        await using var spool = new DatasetSpool(100, temp.FullPath);

        await spool.AppendAsync(new byte[60], TestContext.Current.CancellationToken);
        await spool.AppendAsync(new byte[40], TestContext.Current.CancellationToken);

        Assert.True(spool.IsInMemory);
        Assert.Equal(100, spool.GetMemory().Length);
        Assert.Empty(Directory.GetFiles(temp.FullPath));
    }

    [Fact]
    public async Task Append_PastThreshold_SpillsToAFileThatDisposalDeletes()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        byte[] data = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var spool = new DatasetSpool(100, temp.FullPath);

        await spool.AppendAsync(data.AsMemory(0, 90), ct);
        await spool.AppendAsync(data.AsMemory(90, 210), ct);
        using var copy = new MemoryStream();
        await spool.CopyToAsync(copy, ct);
        string path = spool.FilePath!;

        Assert.False(spool.IsInMemory);
        Assert.True(File.Exists(path));
        Assert.Equal(data, copy.ToArray());
        Assert.Throws<InvalidOperationException>(() => spool.GetMemory());
        await spool.DisposeAsync();
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Adopt_LargeFragments_KeptWithoutCopySmallOnesPackedTogether()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        await using var spool = new DatasetSpool(1024 * 1024, temp.FullPath);
        byte[] large = Enumerable.Range(0, 20_000).Select(i => (byte)(i % 251)).ToArray();
        byte[] small = [1, 2, 3];
        byte[] small2 = [4, 5];

        await spool.AdoptAsync(large, ct);
        await spool.AdoptAsync(small, ct);
        await spool.AppendAsync(small2, ct);
        small2[0] = 99; // appended data is copied: changing the caller's array afterwards changes nothing

        IReadOnlyList<ReadOnlyMemory<byte>> segments = spool.GetSegments();
        Assert.Equal(2, segments.Count);
        Assert.True(MemoryMarshal.TryGetArray(segments[0], out ArraySegment<byte> kept));
        Assert.Same(large, kept.Array);
        Assert.Equal([1, 2, 3, 4, 5], segments[1].ToArray());
        byte[] expected = [.. large, 1, 2, 3, 4, 5];
        Assert.Equal(expected, spool.GetSequence().ToArray());
        Assert.Equal(expected, spool.GetMemory().ToArray());
        Assert.Equal(expected.Length, spool.Length);
    }

    [Fact]
    public async Task Adopt_PastThreshold_SpillsEverySegmentInOrder()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        byte[] data = Enumerable.Range(0, 12_000).Select(i => (byte)(i * 7)).ToArray();
        await using var spool = new DatasetSpool(10_000, temp.FullPath);

        await spool.AdoptAsync(data.AsMemory(0, 5000), ct);
        await spool.AppendAsync(data.AsMemory(5000, 100), ct);
        await spool.AdoptAsync(data.AsMemory(5100, 6900), ct);
        using var copy = new MemoryStream();
        await spool.CopyToAsync(copy, ct);

        Assert.False(spool.IsInMemory);
        Assert.Equal(data, copy.ToArray());
        Assert.Throws<InvalidOperationException>(() => spool.GetSegments());
    }
}
