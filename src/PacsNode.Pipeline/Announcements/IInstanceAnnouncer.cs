using PacsNode.Storage.Files;

namespace PacsNode.Pipeline.Announcements;

/// <summary>
/// Told by the Storage SCP about every store result. Only Stored and Replaced instances are announced (a duplicate
/// kept under the Keep policy, a rejected or refused one is not). Instances the node writes itself (its SR and SEG,
/// stored through the archive directly) never pass through here, so they never start a job.
/// </summary>
public interface IInstanceAnnouncer
{
    /// <summary>Announces <paramref name="result"/> when it stored an instance; waits while the pipeline lags.</summary>
    ValueTask AnnounceAsync(string callingAeTitle, StoreResult result, CancellationToken cancellationToken);
}
