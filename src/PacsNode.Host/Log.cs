using Microsoft.Extensions.Logging;

namespace PacsNode.Host;

/// <summary>
/// Source-generated log messages of the host. Event ids are stable and in the host's 9xxx range:
/// 90xx node lifecycle, 91xx DICOM listener, 92xx pipeline.
/// </summary>
internal static partial class Log
{
    private static readonly Func<ILogger, long, IDisposable?> AssociationScopeFactory =
        LoggerMessage.DefineScope<long>("Association {AssociationId}");

    /// <summary>A scope that tags every log line written while an association is served with its id.</summary>
    public static IDisposable? AssociationScope(ILogger logger, long associationId) => AssociationScopeFactory(logger, associationId);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "PacsNode {Version} starting: AE title {AeTitle}, data folder {DataFolder}")]
    public static partial void NodeStarting(ILogger logger, string version, string aeTitle, string dataFolder);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information,
        Message = "DICOM listener accepting associations: AE title {AeTitle} on {Address}:{Port}, " +
                  "{StorageClasses} storage SOP classes, data in {DataFolder}")]
    public static partial void ListenerAccepting(ILogger logger, string aeTitle, string address, int port, int storageClasses, string dataFolder);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information,
        Message = "DICOM TLS listener accepting associations: AE title {AeTitle} on {Address}:{Port}, client certificate required: {RequireClientCertificate}")]
    public static partial void TlsListenerAccepting(ILogger logger, string aeTitle, string address, int port, bool requireClientCertificate);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning,
        Message = "C-STORE of {SopInstanceUid} refused: {Reason}")]
    public static partial void StoreRefused(ILogger logger, string sopInstanceUid, string reason);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "DICOM listener stopped")]
    public static partial void ListenerStopped(ILogger logger);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning,
        Message = "Auto-processing pipeline enabled (PacsNode:Pipeline:Enabled) but the report processor is not installed: nothing is announced, no job is made")]
    public static partial void PipelineNoProcessor(ILogger logger);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "Auto-processing pipeline disabled (PacsNode:Pipeline:Enabled = false)")]
    public static partial void PipelineDisabled(ILogger logger);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error,
        Message = "Store journal checkpoint failed; stores stay journaled and the next checkpoint tries again")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);
}
