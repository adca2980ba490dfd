using Microsoft.Extensions.Options;

namespace PacsNode.Host.Options;

/// <summary>Checks <see cref="StorageOptions"/> at start: the data folder exists, or can be made, and is writable.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string DataFolderKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.DataFolder);

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            return ValidateOptionsResult.Fail($"{DataFolderKey} must not be empty");
        }

        string folder;
        try
        {
            folder = options.DataFolderFullPath;
            Directory.CreateDirectory(folder);
            var probePath = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
            using var probe = new FileStream(
                probePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            probe.WriteByte(0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
                                       or NotSupportedException)
        {
            return ValidateOptionsResult.Fail(
                $"{DataFolderKey} '{options.DataFolder}' is not a writable folder: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
