using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;
using PacsNode.Host.Services;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Services;

/// <summary>
/// The C-STORE handler's two ways to a file: a dataset held in memory (header parsed in place, file written from the
/// received fragments) and one spooled to disk (copied behind the meta header and read back by the store, the older
/// path). Both must write the same bytes: the received dataset, byte for byte, behind a Part 10 header.
/// </summary>
public sealed class NodeScpTests
{
    private const string Study = "1.2.826.0.1.3680043.10.77";
    private const string Series = "1.2.826.0.1.3680043.10.77.1";
    private const string Sop = "1.2.826.0.1.3680043.10.77.1.1";

    private static readonly AssociationParameters Association = new()
    {
        CallingAeTitle = "SCU",
        CalledAeTitle = "PACSNODE",
        PresentationContexts = new Dictionary<byte, AcceptedPresentationContext>(),
        PeerMaxPduLength = 16384,
        OurMaxPduLength = 16384,
    };

    [Fact]
    public async Task OnCStoreAsync_InMemoryAndSpooledDatasets_WriteTheSameFileOfMetaHeaderAndReceivedBytes()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        byte[] dataset = Dataset();

        (DimseResult inMemory, string memoryFile) = await StoreAsync(temp.Combine("memory"), dataset, 1024 * 1024, ct);
        (DimseResult spooled, string spooledFile) = await StoreAsync(temp.Combine("spooled"), dataset, 16, ct);

        Assert.Equal(DimseResult.Success, inMemory);
        Assert.Equal(DimseResult.Success, spooled);
        byte[] written = await File.ReadAllBytesAsync(memoryFile, ct);
        Assert.Equal(await File.ReadAllBytesAsync(spooledFile, ct), written);
        Assert.Equal(dataset, written[^dataset.Length..]);
        Assert.Equal("DICM"u8.ToArray(), written[128..132]);
        DicomFile file = await DicomFile.OpenAsync(memoryFile, cancellationToken: ct);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, file.TransferSyntax);
        Assert.Equal("Doe^Jane", file.Dataset.GetString(DicomTag.PatientName));
        Assert.Equal(Sop, file.FileMetaInformation.GetString(DicomTag.MediaStorageSOPInstanceUID));
    }

    [Fact]
    public async Task OnCStoreAsync_InMemoryDatasetCutInsideAnElement_AnsweredCannotUnderstandAndNothingStored()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        byte[] dataset = Dataset();
        int cut = dataset.Length - 600; // inside Patient Name's value, before Pixel Data

        (DimseResult result, string path) = await StoreAsync(temp.Combine("data"), dataset[..cut], 1024 * 1024, ct);

        Assert.Equal(StoreStatus.CannotUnderstand, result.Status);
        Assert.False(File.Exists(path));
    }

    /// <summary>SOP class and instance, a long Patient Name, study and series UIDs, 512 bytes of pixel data.</summary>
    private static byte[] Dataset() => new DicomBytes()
        .Text(0x0008, 0x0016, "UI", DicomUid.PositronEmissionTomographyImageStorage)
        .Text(0x0008, 0x0018, "UI", Sop)
        .Text(0x0010, 0x0010, "PN", "Doe^Jane" + new string(' ', 100))
        .Text(0x0020, 0x000D, "UI", Study)
        .Text(0x0020, 0x000E, "UI", Series)
        .Element(0x7FE0, 0x0010, "OB", Enumerable.Range(0, 512).Select(i => (byte)i).ToArray())
        .ToArray();

    /// <summary>
    /// Receives <paramref name="dataset"/> in two fragments into a fresh node store; returns the answer and the
    /// instance's path.
    /// </summary>
    private static async Task<(DimseResult Result, string Path)> StoreAsync(
        string dataFolder, byte[] dataset, long spoolThreshold, CancellationToken ct)
    {
        var store = new InstanceStore(new InstanceStoreOptions { DataFolder = dataFolder, MinimumFreeBytes = 0 });
        var database = IndexDatabase.Open(Path.Combine(dataFolder, "index.sqlite"));
        await using var writer = new IndexWriter(database, TimeProvider.System);
        var scp = new NodeScp(new InstanceArchive(store, writer, TimeProvider.System), NullLogger.Instance);
        await using var spool = new DatasetSpool(spoolThreshold, dataFolder);
        await spool.AdoptAsync(dataset.AsMemory(0, dataset.Length / 2), ct);
        await spool.AdoptAsync(dataset.AsMemory(dataset.Length / 2), ct);
        var request = new CStoreRequest(1, DicomUid.PositronEmissionTomographyImageStorage, Sop);

        DimseResult result = await scp.OnCStoreAsync(Association, request, DicomTransferSyntax.ExplicitVRLittleEndian.Uid, spool, ct);
        return (result, store.GetPath(Study, Series, Sop));
    }
}
