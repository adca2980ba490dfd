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
}
