using Microsoft.Extensions.Configuration;
using PacsNode.Host.Configuration;
using PacsNode.Host.Options;
using PacsNode.Storage.Index;

namespace PacsNode.Host.Commands;

/// <summary>
/// The <c>--data DIR</c> and <c>--config FILE</c> options of the commands that read a node's store while it runs or is
/// stopped (<c>reindex</c>, <c>jobs</c>, <c>results</c>, <c>patient</c>), taken from their argument loops by
/// <see cref="TryTake"/>, and what they name: the data folder (<c>--data</c> when given, else
/// <c>PacsNode:Storage:DataFolder</c> of the configuration, <c>--config FILE</c> or the embedded defaults, as a full
/// path) and the index in it.
/// </summary>
internal sealed class DataFolderOption
{
    private string? _data;
    private string? _configFile;

    /// <summary>Takes <c>args[i]</c> and its value when it is <c>--data</c> or <c>--config</c>; false for anything else.</summary>
    /// <exception cref="UsageException">The option is last, without its value.</exception>
    public bool TryTake(string[] args, ref int i)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args[i] is not ("--data" or "--config"))
        {
            return false;
        }

        if (i + 1 >= args.Length)
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        if (args[i] == "--data")
        {
            _data = args[++i];
        }
        else
        {
            _configFile = args[++i];
        }

        return true;
    }

    /// <summary>The data folder, as a full path.</summary>
    /// <exception cref="CommandException">The configuration file is missing, or names no data folder.</exception>
    public string Resolve()
    {
        if (_data is not null)
        {
            return Path.GetFullPath(_data);
        }

        if (_configFile is not null && !File.Exists(_configFile))
        {
            throw new CommandException($"configuration file not found: {Path.GetFullPath(_configFile)}");
        }

        var configuration = new ConfigurationBuilder();
        NodeConfiguration.Apply(configuration, _configFile is null ? null : Path.GetFullPath(_configFile));
        string? folder = configuration.Build()[StorageOptions.SectionName + ":" + nameof(StorageOptions.DataFolder)];
        return string.IsNullOrWhiteSpace(folder)
            ? throw new CommandException($"{StorageOptions.SectionName}:{nameof(StorageOptions.DataFolder)} is not set; give --data DIR")
            : Path.GetFullPath(folder);
    }

    /// <summary>A data folder's index, which must exist (these commands read a node's index, they do not make one).</summary>
    /// <exception cref="CommandException">There is no index there.</exception>
    public static string ExistingIndexPath(string dataFolder)
    {
        string indexPath = StorageOptions.IndexPath(dataFolder);
        return File.Exists(indexPath) ? indexPath : throw new CommandException($"no index at {indexPath}");
    }

    /// <summary>Opens an index, its schema error a command error naming what is wrong.</summary>
    /// <exception cref="CommandException">The index's schema is not one this build reads.</exception>
    public static IndexDatabase OpenIndex(string indexPath)
    {
        try
        {
            return IndexDatabase.Open(indexPath);
        }
        catch (IndexSchemaException ex)
        {
            throw new CommandException(ex.Message, ex);
        }
    }
}
