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

    /// <summary>
    /// Indexes an instance written again by journal replay (outcome Stored or Replaced, received at
    /// <paramref name="receivedAt"/>); the store deletes the replaced copy, if any, after this completes.
    /// </summary>
    Task RecoveredAsync(StoreResult result, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Makes every index commit so far durable (a journal checkpoint is about to pass their records).</summary>
    Task FlushIndexAsync(CancellationToken cancellationToken);
}
