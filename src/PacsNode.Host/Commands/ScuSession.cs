using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Host.Commands;

/// <summary>One association for an SCU command: connect, run, release; network failures become one-line errors.</summary>
internal static class ScuSession
{
    /// <exception cref="CommandException">The peer cannot be reached, rejects or aborts the association.</exception>
    public static async Task<T> RunAsync<T>(
        DimseClientOptions options, PeerAddress peer, Func<DimseClient, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await using var client = await DimseClient.ConnectAsync(options, TimeProvider.System, NullLogger.Instance, cancellationToken);
            var result = await work(client, cancellationToken);
            await client.ReleaseAsync(cancellationToken);
            return result;
        }
        catch (Exception ex) when (Describe(ex) is { } reason && !cancellationToken.IsCancellationRequested)
        {
            throw new CommandException($"{peer}: {reason}", ex);
        }
    }

    /// <summary>A one-line reason for a network failure, or null for anything else (a bug).</summary>
    public static string? Describe(Exception ex) => ex switch
    {
        AssociationRejectedException r => Rejection(r),
        AssociationAbortedException or UpperLayerProtocolException or TimeoutException => ex.Message,
        SocketException s => $"cannot connect: {s.Message}",
        AuthenticationException a => $"TLS handshake failed: {a.Message}",
        OperationCanceledException => "timed out connecting",
        IOException io => io.Message,
        DicomException d => d.Message,
        _ => null,
    };

    private static string Rejection(AssociationRejectedException r)
    {
        var why = (r.RejectSource, r.Reason) switch
        {
            (RejectSource.ServiceUser, RejectReason.UserCallingAeTitleNotRecognized) => "calling AE title not recognized",
            (RejectSource.ServiceUser, RejectReason.UserCalledAeTitleNotRecognized) => "called AE title not recognized",
            (RejectSource.ServiceUser, RejectReason.UserNoReasonGiven) => "no reason given",
            (RejectSource.ServiceProviderPresentation, RejectReason.PresentationLocalLimitExceeded) => "local limit exceeded",
            (RejectSource.ServiceProviderPresentation, RejectReason.PresentationTemporaryCongestion) => "temporary congestion",
            _ => "see PS3.8 table 9-21",
        };
        return $"association rejected ({r.Result}, source {r.RejectSource}, reason {r.Reason}: {why})";
    }
}
