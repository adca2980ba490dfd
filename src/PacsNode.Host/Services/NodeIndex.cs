using Microsoft.Extensions.Options;
using PacsNode.Host.Options;
using PacsNode.Storage.Index;

namespace PacsNode.Host.Services;

/// <summary>
/// The node's index database, opened (and migrated) once on first use and shared by the listener and the pipeline,
/// so two services starting together never migrate the same file at once.
/// </summary>
internal sealed class NodeIndex(IOptions<StorageOptions> storage)
{
    private readonly Lazy<IndexDatabase> _database = new(
        () => IndexDatabase.Open(StorageOptions.IndexPath(storage.Value.DataFolderFullPath), storage.Value.Durability),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public IndexDatabase Database => _database.Value;
}
