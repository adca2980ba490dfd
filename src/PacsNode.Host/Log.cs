using Microsoft.Extensions.Logging;

namespace PacsNode.Host;

/// <summary>
/// Source-generated log messages of the host. Event ids are stable and in the host's 9xxx range:
/// 90xx node lifecycle, 91xx DICOM listener.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "PacsNode {Version} starting: AE title {AeTitle}, data folder {DataFolder}")]
    public static partial void NodeStarting(ILogger logger, string version, string aeTitle, string dataFolder);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning,
        Message = "The DICOM listener is not implemented yet: AE title {AeTitle} on {Address}:{Port} " +
                  "will not accept associations")]
    public static partial void ListenerNotImplemented(ILogger logger, string aeTitle, string address, int port);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "DICOM listener stopped")]
    public static partial void ListenerStopped(ILogger logger);
}
