namespace PacsNode.Storage.Files;

/// <summary>What the store does when the instance is already stored under the same Study/Series/SOP Instance UIDs.</summary>
public enum DuplicatePolicy
{
    /// <summary>Keep the stored file and report <see cref="StoreOutcome.Duplicate"/> (the SCP answers a warning).</summary>
    Keep,

    /// <summary>Replace the stored file atomically with the new one and report <see cref="StoreOutcome.Replaced"/>.</summary>
    Replace,

    /// <summary>Keep the stored file and report <see cref="StoreOutcome.Rejected"/> (the SCP answers a failure).</summary>
    Reject,
}
