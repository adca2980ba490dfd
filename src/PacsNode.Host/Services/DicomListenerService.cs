using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;
using PacsNode.Host.Options;
using PacsNode.Storage.Queries;

namespace PacsNode.Host.Services;

/// <summary>
/// Accepts DICOM associations on the configured AE title and port, and on the TLS port when one is configured:
/// Verification, and Storage for every storage SOP class of the dictionary in every transfer syntax the node can keep
/// as received. Each instance is stored under the data folder (file fsynced and renamed, folder fsynced) and indexed
/// in SQLite before Success is returned. Query/Retrieve (Patient Root, Study Root, Composite Instance Root) is
/// answered from the index by <see cref="QueryRetrieveScp"/>, C-MOVE destinations being the configured remotes.
/// Access control (calling AE titles, hosts, user identity) and the timers come from <see cref="AccessOptions"/> and
/// <see cref="ListenerOptions"/>.
/// </summary>
internal sealed class DicomListenerService(
    IOptions<ListenerOptions> listenerOptions,
    IOptions<StorageOptions> storageOptions,
    IOptions<RemotesOptions> remotesOptions,
    IOptions<AccessOptions> accessOptions,
    IOptions<TlsOptions> tlsOptions,
    NodeIndex index,
    NodeStorage storage,
    PipelineRuntime pipeline,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : BackgroundService
{
    /// <summary>
    /// Accepted in this order of preference. The node keeps what it receives, so lossless compressed syntaxes come
    /// first: an SCU that offers its compressed file in both its own and an uncompressed syntax then sends it as is
    /// (DCMTK's storescu cannot decompress on the fly and fails otherwise). Lossy syntaxes come last, so they are
    /// chosen only when the SCU offers nothing else, i.e. when the data is lossy already.
    /// </summary>
    private static readonly string[] TransferSyntaxes =
    [
        DicomUid.JPEGLosslessSV1, DicomUid.JPEGLossless, DicomUid.JPEGLSLossless, DicomUid.RLELossless,
        DicomUid.JPEG2000Lossless, DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian,
        DicomUid.DeflatedExplicitVRLittleEndian, DicomUid.ExplicitVRBigEndian,
        DicomUid.JPEGLSNearLossless, DicomUid.JPEG2000, DicomUid.JPEGBaseline8Bit, DicomUid.JPEGExtended12Bit,
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ILogger logger = loggerFactory.CreateLogger<DicomListenerService>();
        ListenerOptions listener = listenerOptions.Value;
        string dataFolder = storageOptions.Value.DataFolderFullPath;
        var database = index.Database;
        var scp = new NodeScp(storage.Archive, logger, pipeline.Announcer);
        string spool = Path.Combine(dataFolder, "spool");
        Directory.CreateDirectory(spool);

        // Spool files of datasets that were being received when the node last died (kill -9, power loss).
        foreach (string stray in Directory.EnumerateFiles(spool, "pacsnode-*.spool"))
        {
            File.Delete(stray);
        }

        var queries = new QueryRetrieveScp(new QueryService(database, new QueryOptions { RetrieveAETitle = listener.AeTitle }),
            remotesOptions.Value, storage.Archive.WhenIndexedAsync);
        var dispatcher = new DimseDispatcher(scp, scp, new DimseDispatcherOptions { TempDirectory = spool }, logger)
        {
            QueryRetrieve = new QueryRetrieveRoles { Find = queries, Move = queries, Get = queries },
        };
        var abstractSyntaxes = DicomUid.All
            .Where(u => u.IsStorageSopClass || u.Uid == DicomUid.Verification)
            .ToDictionary(u => u.Uid, _ => (IReadOnlyList<string>)TransferSyntaxes, StringComparer.Ordinal);
        foreach (string uid in QueryRetrieveScp.SopClasses)
        {
            abstractSyntaxes[uid] = [DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian];
        }

        AcceptorPolicy policy = CreatePolicy(listener.AeTitle, abstractSyntaxes, accessOptions.Value);
        var options = CreateListenerOptions(listener, accessOptions.Value, listener.Port);

        // Every log line of an association's handling carries its id (a scope: the console shows it with IncludeScopes).
        async Task HandleAsync(Association association, CancellationToken cancellationToken)
        {
            using var scope = Log.AssociationScope(logger, association.Id);
            await dispatcher.HandleAsync(association, cancellationToken);
        }

        await using var dicom = new DicomListener(options, policy, HandleAsync, timeProvider, logger);
        Log.ListenerAccepting(logger, listener.AeTitle, listener.Address, listener.Port, abstractSyntaxes.Count - 1 - QueryRetrieveScp.SopClasses.Count, dataFolder);
        Task plain = dicom.RunAsync(stoppingToken);
        DicomListener? secure = null;
        Task tls = Task.CompletedTask;
        if (tlsOptions.Value is { Enabled: true } t)
        {
            secure = new DicomListener(
                CreateListenerOptions(listener, accessOptions.Value, t.Port) with { Tls = CreateTls(t) },
                policy, HandleAsync, timeProvider, logger);
            Log.TlsListenerAccepting(logger, listener.AeTitle, listener.Address, t.Port, t.RequireClientCertificate);
            tls = secure.RunAsync(stoppingToken);
        }

        try
        {
            await Task.WhenAll(plain, tls);
        }
        finally
        {
            if (secure is not null)
            {
                await secure.DisposeAsync();
            }
        }

        Log.ListenerStopped(logger);
    }

    private static AcceptorPolicy CreatePolicy(
        string aeTitle, Dictionary<string, IReadOnlyList<string>> abstractSyntaxes, AccessOptions access)
    {
        UserIdentityCheck? users = access.UserIdentity == UserIdentityMode.Require ? new UserIdentityCheck(access.Users) : null;
        return new AcceptorPolicy
        {
            AeTitle = aeTitle,
            AbstractSyntaxes = abstractSyntaxes,
            AllowedCallingAeTitles = access.AllowedCallingAeTitles.Count == 0
                ? null
                : access.AllowedCallingAeTitles.Select(a => a.Trim()).ToHashSet(StringComparer.Ordinal),
            UserIdentityValidator = users is null ? null : users.Accepts,
            RequireUserIdentity = users is not null,
        };
    }

    private static DicomListenerOptions CreateListenerOptions(ListenerOptions listener, AccessOptions access, int port) => new()
    {
        Address = IPAddress.Parse(listener.Address),
        Port = port,
        MaxAssociations = listener.MaxAssociations,
        ShutdownGracePeriod = TimeSpan.FromSeconds(listener.ShutdownGraceSeconds),
        AllowedNetworks = access.AllowedHosts.Count == 0
            ? null
            : [.. access.AllowedHosts.Select(h => AccessOptionsValidator.TryParseNetwork(h, out var n) ? n : throw new FormatException(h))],
        Association = AssociationOptions.Default with
        {
            ArtimTimeout = TimeSpan.FromSeconds(listener.ArtimTimeoutSeconds),
            IdleTimeout = TimeSpan.FromSeconds(listener.IdleTimeoutSeconds),
        },
    };

    private static System.Net.Security.SslServerAuthenticationOptions CreateTls(TlsOptions tls)
    {
        var certificate = TlsCertificates.LoadWithKey(tls.CertificateFile, tls.KeyFile, tls.CertificatePassword);
        var trusted = string.IsNullOrWhiteSpace(tls.TrustedCaFile) ? null : TlsCertificates.LoadBundle(tls.TrustedCaFile);
        return DicomTls.Server(certificate, tls.RequireClientCertificate, trusted);
    }
}
