using PacsNode.Host.Options;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Options;

public sealed class StorageOptionsValidatorTests : IDisposable
{
    private readonly TempDirectory _temp = new("storage-options");
    private readonly StorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_MissingFolderThatCanBeCreated_CreatesItAndSucceeds()
    {
        var folder = _temp.Combine("data", "nested");

        var result = _validator.Validate(null, new StorageOptions { DataFolder = folder });

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.True(Directory.Exists(folder));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void Validate_PathBelowAFile_FailsNamingTheDataFolder()
    {
        var file = _temp.Combine("plain-file");
        File.WriteAllText(file, "not a folder");

        var result = _validator.Validate(null, new StorageOptions { DataFolder = Path.Combine(file, "data") });

        Assert.True(result.Failed);
        Assert.Contains("PacsNode:Storage:DataFolder", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Empty_Fails()
    {
        var result = _validator.Validate(null, new StorageOptions { DataFolder = " " });

        Assert.True(result.Failed);
    }

    public void Dispose() => _temp.Dispose();
}
