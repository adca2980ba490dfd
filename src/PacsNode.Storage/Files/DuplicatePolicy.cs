namespace PacsNode.Storage.Files;

/// <summary>
/// What the store does when an instance with the same SOP Instance UID is already stored: at the same path, or
/// (through <see cref="InstanceArchive"/>, which asks the index) under other Study/Series UIDs.
/// </summary>
public enum DuplicatePolicy
{
    /// <summary>Keep the stored file and report <see cref="StoreOutcome.Duplicate"/> (the SCP answers a warning).</summary>
    Keep,

    /// <summary>Replace the stored file atomically with the new one and report <see cref="StoreOutcome.Replaced"/>.</summary>
    Replace,

    /// <summary>Keep the stored file and report <see cref="StoreOutcome.Rejected"/> (the SCP answers a failure).</summary>
    Reject,
}
