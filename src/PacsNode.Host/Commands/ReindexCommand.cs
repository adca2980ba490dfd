using System.Globalization;
using PacsNode.Host.Options;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;

namespace PacsNode.Host.Commands;

/// <summary>
/// <c>pacsnode reindex [--data DIR] [--config FILE]</c>: rebuilds the SQLite index of a data folder from its file
/// store. Every stored file is read up to Pixel Data and upserted; rows whose file is gone are removed; files that
/// cannot be read, or that repeat a SOP Instance UID, are listed by name and left alone (exit 1 when there are any).
/// A missing or deleted <c>index.sqlite</c> is created afresh. Run it with the node stopped: the index has a single
/// writer.
/// </summary>
internal sealed class ReindexCommand(TextWriter? output = null) : ICommand
{
    private readonly TextWriter _output = output ?? Console.Out;

    public string Name => "reindex";

    public string Summary => "Rebuild the index of a data folder from its stored files";

    public string Usage => "reindex [--data DIR] [--config FILE]   (DIR defaults to PacsNode:Storage:DataFolder)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = new DataFolderOption();
        for (var i = 0; i < args.Length; i++)
        {
            if (!options.TryTake(args, ref i))
            {
                throw new UsageException($"unexpected argument '{args[i]}'");
            }
        }

        string dataFolder = options.Resolve();
        string instances = StorageOptions.InstancesFolder(dataFolder);
        if (!Directory.Exists(instances))
        {
            throw new CommandException($"no file store at {instances}");
        }

        using var store = new InstanceStore(new InstanceStoreOptions { DataFolder = instances, MinimumFreeBytes = 0 });
        IndexDatabase database = DataFolderOption.OpenIndex(StorageOptions.IndexPath(dataFolder));

        ReindexResult result;
        await using (var writer = new IndexWriter(database, TimeProvider.System))
        {
            // Instances acknowledged before a power loss are rewritten from the store journal first, so that the
            // rebuild reads whole files.
            await new InstanceArchive(store, writer, TimeProvider.System).RecoverAsync();
            result = await new Reindexer(store, writer).RunAsync(cancellationToken);
        }

        await _output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"reindexed {dataFolder}: {result.Indexed} files indexed, {result.Removed} stale rows removed, " +
            $"{result.Failed.Count} files not indexed").AsMemory(), cancellationToken);
        foreach (string failure in result.Failed)
        {
            await _output.WriteLineAsync($"  not indexed: {failure}".AsMemory(), cancellationToken);
        }

        return result.Failed.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
