using Microsoft.Extensions.Logging;

namespace PacsNode.Storage;

/// <summary>Log messages of the storage layer (event ids 3xxx).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Deleted {Count} leftover temporary files under {Folder}")]
    public static partial void TemporaryFilesSwept(ILogger logger, int count, string folder);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Free space {FreeBytes} bytes under {Folder} is below the threshold {MinimumBytes}; refusing to store")]
    public static partial void OutOfSpace(ILogger logger, long freeBytes, string folder, long minimumBytes);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Duplicate SOP Instance {SopInstanceUid}: {Outcome}")]
    public static partial void DuplicateInstance(ILogger logger, string sopInstanceUid, Files.StoreOutcome outcome);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Store journal: replayed {Replayed} of {Pending} records after an unclean stop ({Bytes} bytes of instances) in {Milliseconds} ms")]
    public static partial void JournalReplayed(ILogger logger, int replayed, int pending, long bytes, long milliseconds);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error,
        Message = "Store journal: record {Sequence} ({RelativePath}) cannot be replayed and is skipped")]
    public static partial void JournalRecordSkipped(ILogger logger, long sequence, string relativePath, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error,
        Message = "Index row of acknowledged instance {SopInstanceUid} (journal record {Sequence}) failed to commit; the journal keeps it for the next start")]
    public static partial void IndexBehindFailed(ILogger logger, string sopInstanceUid, long sequence, Exception exception);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Index batch of {Count} failed; retrying one by one")]
    public static partial void IndexBatchFailed(ILogger logger, int count, Exception exception);
}
