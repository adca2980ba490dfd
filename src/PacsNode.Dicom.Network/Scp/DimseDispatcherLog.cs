using Microsoft.Extensions.Logging;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>Log messages of the DIMSE dispatcher (event ids 1100-1199).</summary>
internal static partial class DimseDispatcherLog
{
    [LoggerMessage(1100, LogLevel.Error, "Association {Id}: the {Command} handler failed; answered {Status}")]
    public static partial void HandlerFailed(ILogger logger, long id, string command, string status, Exception exception);

    [LoggerMessage(1101, LogLevel.Debug, "Association {Id}: {Command} message {MessageId} answered {Status}")]
    public static partial void Answered(ILogger logger, long id, string command, ushort messageId, string status);
}
