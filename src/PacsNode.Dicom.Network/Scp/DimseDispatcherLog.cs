using Microsoft.Extensions.Logging;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>Log messages of the DIMSE dispatcher (event ids 1100-1199).</summary>
internal static partial class DimseDispatcherLog
{
    [LoggerMessage(1100, LogLevel.Error, "Association {Id}: the {Command} handler failed; answered {Status}")]
    public static partial void HandlerFailed(ILogger logger, long id, string command, string status, Exception exception);

    [LoggerMessage(1101, LogLevel.Debug, "Association {Id}: {Command} message {MessageId} answered {Status}")]
    public static partial void Answered(ILogger logger, long id, string command, ushort messageId, string status);

    [LoggerMessage(1102, LogLevel.Warning, "A C-MOVE sub-operation for {SopInstanceUid} failed: {Reason}")]
    public static partial void SubOperationFailed(ILogger logger, string sopInstanceUid, string reason);

    [LoggerMessage(1103, LogLevel.Warning, "Association {Id}: C-MOVE cannot associate with the destination: {Reason}")]
    public static partial void MoveDestinationFailed(ILogger logger, long id, string reason, Exception exception);
}
