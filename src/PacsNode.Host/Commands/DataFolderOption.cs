using Microsoft.Extensions.Configuration;
using PacsNode.Host.Configuration;
using PacsNode.Host.Options;

namespace PacsNode.Host.Commands;

/// <summary>
/// The data folder of the commands that read a node's store while it runs or is stopped (<c>reindex</c>, <c>jobs</c>,
/// <c>results</c>, <c>patient</c>): <c>--data DIR</c> when given, else <c>PacsNode:Storage:DataFolder</c> of the
/// configuration (<c>--config FILE</c> or the embedded defaults), as a full path.
/// </summary>
internal static class DataFolderOption
{
    public static string Resolve(string? data, string? configFile)
    {
        if (data is not null)
        {
            return Path.GetFullPath(data);
        }

        if (configFile is not null && !File.Exists(configFile))
        {
            throw new CommandException($"configuration file not found: {Path.GetFullPath(configFile)}");
        }

        var configuration = new ConfigurationBuilder();
        NodeConfiguration.Apply(configuration, configFile is null ? null : Path.GetFullPath(configFile));
        string? folder = configuration.Build()[StorageOptions.SectionName + ":" + nameof(StorageOptions.DataFolder)];
        return string.IsNullOrWhiteSpace(folder)
            ? throw new CommandException($"{StorageOptions.SectionName}:{nameof(StorageOptions.DataFolder)} is not set; give --data DIR")
            : Path.GetFullPath(folder);
    }
}
