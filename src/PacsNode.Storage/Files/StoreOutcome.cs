namespace PacsNode.Storage.Files;

/// <summary>What a store call did. Every outcome except <see cref="OutOfResources"/> and <see cref="Rejected"/> means
/// the instance is durably on disk under <see cref="StoreResult.Path"/>.</summary>
public enum StoreOutcome
{
    /// <summary>A new file was written, flushed and renamed into place.</summary>
    Stored,

    /// <summary>An existing file with the same UIDs was replaced (policy Replace).</summary>
    Replaced,

    /// <summary>A file with the same UIDs was already stored and kept; the new data was discarded (policy Keep).</summary>
    Duplicate,

    /// <summary>A file with the same UIDs was already stored and the new one was refused (policy Reject).</summary>
    Rejected,

    /// <summary>Free space on the volume was below the configured threshold; nothing was written (A700).</summary>
    OutOfResources,
}
