using PacsNode.Storage.Files;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Storage.Tests.Files;

public sealed class DirectorySyncTests
{
    [Fact]
    public void Flush_ExistingDirectory_Succeeds()
    {
        using var temp = new TempDirectory("dirsync");
        File.WriteAllText(temp.Combine("entry"), "x");

        DirectorySync.Flush(temp.FullPath);

        Assert.True(File.Exists(temp.Combine("entry")));
    }

    [Fact]
    public void Flush_MissingDirectoryOnUnix_ThrowsIOException()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "Directories are flushed only on Unix.");
        using var temp = new TempDirectory("dirsync");

        var exception = Assert.Throws<IOException>(() => DirectorySync.Flush(temp.Combine("missing")));

        Assert.Contains("errno 2", exception.Message, StringComparison.Ordinal);
    }
}
