using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using PacsNode.Dicom;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Pipeline.Forwarding;

/// <summary>
/// Sends result instances to one destination over one association, like <c>pacsnode send</c>: each SOP class is
/// proposed in the syntax its files are stored in plus explicit and implicit VR little endian, and
/// <see cref="DimseClient.StoreAsync(InstanceFile, string?, ushort?, CancellationToken)"/> sends a file as stored or
/// transcodes it into an uncompressed syntax the peer accepted.
/// </summary>
public sealed class ResultForwarder
{
    private readonly ForwardSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ResultForwarder(ForwardSettings settings, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _settings = settings;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Stores <paramref name="files"/> at <paramref name="destination"/>. Returns null when every C-STORE answered
    /// Success or Warning, else the reason (the first failing status, or the network failure).
    /// </summary>
    public async Task<string?> SendAsync(ForwardDestination destination, IReadOnlyList<InstanceFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(files);
        var options = new DimseClientOptions
        {
            Host = destination.Host,
            Port = destination.Port,
            CalledAeTitle = destination.AeTitle,
            CallingAeTitle = _settings.CallingAeTitle,
            PresentationContexts = files.GroupBy(f => f.SopClassUid, StringComparer.Ordinal).ToDictionary(
                g => g.Key, g => ProposedSyntaxes(g.Select(f => f.TransferSyntaxUid)), StringComparer.Ordinal),
            Association = AssociationOptions.Default with { ArtimTimeout = _settings.Timeout, IdleTimeout = _settings.Timeout * 4 },
            TempDirectory = _settings.TempDirectory,
        };
        try
        {
            DimseClient client = await DimseClient.ConnectAsync(options, _timeProvider, _logger, cancellationToken)
                .ConfigureAwait(false);
            await using var owned = client.ConfigureAwait(false);
            string? failure = null;
            foreach (InstanceFile file in files)
            {
                CStoreResponse response = await client.StoreAsync(file, null, null, cancellationToken).ConfigureAwait(false);
                if (response.Status.Category is not (StatusCategory.Success or StatusCategory.Warning))
                {
                    failure ??= $"C-STORE of {file.SopInstanceUid} answered {response.Status}" +
                                (response.ErrorComment is { } comment ? $": {comment}" : string.Empty);
                }
            }

            await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            return failure;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Describe(ex) is { } reason)
        {
            return $"{destination.AeTitle}@{destination.Host}:{destination.Port}: {reason}";
        }
    }

    private static IReadOnlyList<string> ProposedSyntaxes(IEnumerable<string> stored) =>
        [.. stored.Concat([DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian]).Distinct(StringComparer.Ordinal)];

    /// <summary>A one-line reason for a network or DICOM failure; null for anything else (a bug, rethrown).</summary>
    private static string? Describe(Exception ex) => ex switch
    {
        SocketException s => $"cannot connect: {s.Message}",
        AuthenticationException a => $"TLS handshake failed: {a.Message}",
        OperationCanceledException => "timed out",
        TimeoutException or IOException or DicomException => ex.Message,
        _ => null,
    };
}
