namespace PacsNode.Storage.Files;

/// <summary>
/// The study and series folders of the store, made and flushed so that a file renamed into them survives a power
/// loss (with <see cref="StorageDurability.PowerLoss"/>; otherwise folders are only created). Flushes of one folder
/// are shared between concurrent stores by a <see cref="FolderSyncCoalescer"/>.
/// </summary>
internal sealed class DurableFolders(bool flushes)
{
    private const int MaxRemembered = 4096;

    private readonly FolderSyncCoalescer _sync = new();
    private readonly HashSet<string> _durable = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates the series folder and its study folder if needed and makes each one's entry in its parent durable
    /// before anything is stored in it. "It exists" is not enough: a concurrent store may have just created it and not
    /// finished flushing the parent, so the parent is flushed (shared with that store's flush when possible) until
    /// this process has seen one complete for the folder; such folders are remembered (a bounded set, forgotten
    /// wholesale when full: a forgotten folder only costs one more flush).
    /// </summary>
    public async Task PrepareAsync(string seriesFolder)
    {
        await EnsureAsync(Path.GetDirectoryName(seriesFolder)!).ConfigureAwait(false);
        await EnsureAsync(seriesFolder).ConfigureAwait(false);
    }

    /// <summary>Forgets that a series folder and its study folder were made durable (one was removed from outside).</summary>
    public void Forget(string seriesFolder)
    {
        lock (_durable)
        {
            _ = _durable.Remove(seriesFolder);
            _ = _durable.Remove(Path.GetDirectoryName(seriesFolder)!);
        }
    }

    /// <summary>Makes the folder's entries durable, sharing the flush with concurrent stores into the same folder.</summary>
    public Task FlushAsync(string folder) => flushes ? _sync.FlushAsync(folder) : Task.CompletedTask;

    private async Task EnsureAsync(string folder)
    {
        if (!flushes)
        {
            _ = Directory.CreateDirectory(folder);
            return;
        }

        lock (_durable)
        {
            if (_durable.Contains(folder))
            {
                return;
            }
        }

        _ = Directory.CreateDirectory(folder);
        await _sync.FlushAsync(Path.GetDirectoryName(folder)!).ConfigureAwait(false);
        lock (_durable)
        {
            if (_durable.Count >= MaxRemembered)
            {
                _durable.Clear();
            }

            _ = _durable.Add(folder);
        }
    }
}
