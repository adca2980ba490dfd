namespace PacsNode.Storage.Files;

/// <summary>
/// What <see cref="InstanceStore"/> asks and tells while it holds a SOP Instance UID's lock, so that the duplicate
/// decision and the index update of one UID are never interleaved with another store of the same UID.
/// </summary>
internal interface IStoreCoordinator
{
    /// <summary>
    /// The path the UID is stored at according to the index, or null when it is not indexed. Synchronous: a prepared
    /// primary-key lookup is cheaper than the thread hop an asynchronous one would cost.
    /// </summary>
    string? FindStoredPath(string sopInstanceUid);

    /// <summary>Called with every outcome except OutOfResources, before the lock is released.</summary>
    Task CommittedAsync(StoreResult result, CancellationToken cancellationToken);
}
