namespace PacsNode.Storage.Files;

/// <summary>
/// What <see cref="InstanceStore"/> asks and tells while it holds a SOP Instance UID's lock, so that the duplicate
/// decision and the index update of one UID are never interleaved with another store of the same UID.
/// </summary>
internal interface IStoreCoordinator
{
    /// <summary>The path the UID is stored at according to the index, or null when it is not indexed.</summary>
    Task<string?> FindStoredPathAsync(string sopInstanceUid, CancellationToken cancellationToken);

    /// <summary>Called with every outcome except OutOfResources, before the lock is released.</summary>
    Task CommittedAsync(StoreResult result, CancellationToken cancellationToken);
}
