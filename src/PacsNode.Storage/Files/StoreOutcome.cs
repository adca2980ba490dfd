namespace PacsNode.Storage.Files;

/// <summary>What a store call did. Every outcome except <see cref="OutOfResources"/> and <see cref="Rejected"/> means
/// the instance is durably on disk under <see cref="StoreResult.Path"/>.</summary>
public enum StoreOutcome
{
    /// <summary>A new file was written, flushed and renamed into place.</summary>
    Stored,

    /// <summary>
    /// An instance with the same SOP Instance UID was replaced (policy Replace); when it was stored under other
    /// Study/Series UIDs, <see cref="StoreResult.ReplacedPath"/> names the old file, deleted.
    /// </summary>
    Replaced,

    /// <summary>The SOP Instance UID was already stored and kept; the new data was discarded (policy Keep).</summary>
    Duplicate,

    /// <summary>The SOP Instance UID was already stored and the new data was refused (policy Reject).</summary>
    Rejected,

    /// <summary>Free space on the volume was below the configured threshold; nothing was written (A700).</summary>
    OutOfResources,
}
