using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;
using PacsNode.Host.Options;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.Storage.Queries;

namespace PacsNode.Host.Services;

/// <summary>
/// Accepts DICOM associations on the configured AE title and port: Verification, and Storage for every storage SOP
/// class of the dictionary in every transfer syntax the node can keep as received. Each instance is stored under
/// the data folder (file fsynced and renamed, folder fsynced) and indexed in SQLite before Success is returned.
/// Query/Retrieve (Patient Root, Study Root, Composite Instance Root) is answered from the index by
/// <see cref="QueryRetrieveScp"/>, C-MOVE destinations being the configured remotes.
/// </summary>
internal sealed class DicomListenerService(
    IOptions<ListenerOptions> listenerOptions,
    IOptions<StorageOptions> storageOptions,
    IOptions<RemotesOptions> remotesOptions,
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
        var database = IndexDatabase.Open(StorageOptions.IndexPath(dataFolder));
        await using var writer = new IndexWriter(database, timeProvider, null, loggerFactory.CreateLogger<IndexWriter>());
        var store = new InstanceStore(
            new InstanceStoreOptions
            {
                DataFolder = StorageOptions.InstancesFolder(dataFolder),
                DuplicatePolicy = storageOptions.Value.DuplicatePolicy,
                MinimumFreeBytes = storageOptions.Value.MinimumFreeMegabytes * 1024L * 1024L,
            },
            loggerFactory.CreateLogger<InstanceStore>());
        store.SweepTemporaryFiles();
        var scp = new NodeScp(new InstanceArchive(store, writer, timeProvider), logger);
        string spool = Path.Combine(dataFolder, "spool");
        Directory.CreateDirectory(spool);
        var queries = new QueryRetrieveScp(new QueryService(database, new QueryOptions { RetrieveAETitle = listener.AeTitle }),
            remotesOptions.Value);
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

        var policy = new AcceptorPolicy { AeTitle = listener.AeTitle, AbstractSyntaxes = abstractSyntaxes };
        var options = new DicomListenerOptions { Address = IPAddress.Parse(listener.Address), Port = listener.Port };
        await using var dicom = new DicomListener(options, policy, dispatcher.HandleAsync, timeProvider, logger);
        Log.ListenerAccepting(logger, listener.AeTitle, listener.Address, listener.Port, abstractSyntaxes.Count - 1 - QueryRetrieveScp.SopClasses.Count, dataFolder);
        await dicom.RunAsync(stoppingToken);
        Log.ListenerStopped(logger);
    }
}
