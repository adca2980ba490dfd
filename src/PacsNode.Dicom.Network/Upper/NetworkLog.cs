using Microsoft.Extensions.Logging;

namespace PacsNode.Dicom.Network.Upper;

/// <summary>Source-generated log messages of the upper layer, with stable event ids (1000-1099).</summary>
internal static partial class NetworkLog
{
    [LoggerMessage(1000, LogLevel.Information, "Association {Id}: {Calling} -> {Called} accepted, {Contexts} context(s), peer max PDU {PeerMax}")]
    public static partial void Accepted(ILogger logger, long id, string calling, string called, int contexts, uint peerMax);

    [LoggerMessage(1001, LogLevel.Warning, "Association {Id}: {Calling} -> {Called} rejected: source {Source}, reason {Reason}")]
    public static partial void Rejected(ILogger logger, long id, string calling, string called, RejectSource source, byte reason);

    [LoggerMessage(1002, LogLevel.Warning, "Association {Id} broken: {Reason}")]
    public static partial void Broken(ILogger logger, long id, string reason, Exception exception);

    [LoggerMessage(1003, LogLevel.Information, "Association {Id} released")]
    public static partial void Released(ILogger logger, long id);

    [LoggerMessage(1004, LogLevel.Warning, "Association {Id} aborted by the peer: source {Source}, reason {Reason}")]
    public static partial void PeerAborted(ILogger logger, long id, AbortSource source, AbortReason reason);

    [LoggerMessage(1005, LogLevel.Debug, "Association {Id}: {Transition}")]
    public static partial void Transition(ILogger logger, long id, StateTransition transition);

    [LoggerMessage(1010, LogLevel.Error, "Association {Id} failed in its handler")]
    public static partial void HandlerFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(1011, LogLevel.Warning, "Connection from {Remote} refused: {Active} associations already active")]
    public static partial void TooManyAssociations(ILogger logger, string remote, int active);

    [LoggerMessage(1012, LogLevel.Warning, "Connection from {Remote} refused: the address is not in the allowed networks")]
    public static partial void HostRefused(ILogger logger, string remote);

    [LoggerMessage(1013, LogLevel.Warning, "TLS handshake with {Remote} failed: {Reason}")]
    public static partial void TlsFailed(ILogger logger, string remote, string reason);

    [LoggerMessage(1014, LogLevel.Information, "Stopping: {Count} association(s) still running get up to {Grace} to finish")]
    public static partial void Draining(ILogger logger, int count, TimeSpan grace);
}
