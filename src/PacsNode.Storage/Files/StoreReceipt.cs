namespace PacsNode.Storage.Files;

/// <summary>
/// What a C-STORE SCP's store call returns: the result, durable when the call completes, and the commit of its index
/// row, which under PowerLoss durability may still be running then (see <see cref="InstanceArchive.StoreReceivedAsync"/>).
/// </summary>
/// <param name="Store">The result; Stored and Replaced are durable.</param>
/// <param name="Indexed">Completes when the index row is committed (already complete unless it was left behind the
/// acknowledgement); faulted when that commit failed, in which case the journal keeps the record and the next start
/// indexes it.</param>
public sealed record StoreReceipt(StoreResult Store, Task Indexed)
{
    /// <summary>A receipt with nothing left behind it: the row is committed, or the outcome has none to commit.</summary>
    public static StoreReceipt AlreadyIndexed(StoreResult store) => new(store, Task.CompletedTask);
}
