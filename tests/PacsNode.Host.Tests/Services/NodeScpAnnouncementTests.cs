using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Upper;
using PacsNode.Host.Services;
using PacsNode.Pipeline.Announcements;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Services;

/// <summary>What the Storage SCP announces to the pipeline: received instances, once; never duplicates or the node's own writes.</summary>
public sealed class NodeScpAnnouncementTests : IDisposable
{
    private readonly TempDirectory _temp = new("nodescp");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task OnCStoreAsync_NewThenDuplicateThenOwnWrite_OnlyTheNewOneAnnounced()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] pet = Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT"), "*.dcm");
        var database = IndexDatabase.Open(_temp.Combine("index.sqlite"));
        await using var writer = new IndexWriter(database, TimeProvider.System);
        var archive = new InstanceArchive(
            new InstanceStore(new InstanceStoreOptions { DataFolder = _temp.Combine("instances"), MinimumFreeBytes = 0 }), writer, TimeProvider.System);
        var announcer = new ChannelInstanceAnnouncer(TimeProvider.System);
        var scp = new NodeScp(archive, NullLogger.Instance, announcer);

        DicomFile first = await DicomFile.OpenAsync(pet[0], null, ct);
        Assert.Equal(StatusCategory.Success, (await StoreAsync(scp, first, ct)).Status.Category);
        Assert.Equal(StatusCategory.Warning, (await StoreAsync(scp, first, ct)).Status.Category);

        // A result the node writes itself goes through the archive, not the SCP.
        DicomFile own = await DicomFile.OpenAsync(pet[1], null, ct);
        Assert.Equal(StoreOutcome.Stored, (await archive.StoreAsync(own, ct)).Outcome);

        Assert.True(announcer.Reader.TryRead(out InstanceAnnouncement? announcement));
        Assert.False(announcer.Reader.TryRead(out _));
        Assert.Equal(first.Dataset.GetString(DicomTag.SOPInstanceUID), announcement.SopInstanceUid);
        Assert.Equal(first.Dataset.GetString(DicomTag.SeriesInstanceUID), announcement.SeriesInstanceUid);
        Assert.Equal(("SCANNER", DicomUid.PositronEmissionTomographyImageStorage, "PT"),
            (announcement.CallingAeTitle, announcement.SopClassUid, announcement.Modality));
    }

    private async Task<Dicom.Network.Scp.DimseResult> StoreAsync(NodeScp scp, DicomFile file, CancellationToken ct)
    {
        await using var spool = new DatasetSpool(1 << 20, _temp.FullPath);
        await spool.AppendAsync(DicomDatasetCodec.Encode(file.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian), ct);
        var association = new AssociationParameters
        {
            CallingAeTitle = "SCANNER",
            CalledAeTitle = "PACSNODE",
            PresentationContexts = new Dictionary<byte, AcceptedPresentationContext>(),
            PeerMaxPduLength = 16384,
            OurMaxPduLength = 16384,
        };
        var request = new CStoreRequest(1, file.Dataset.GetString(DicomTag.SOPClassUID)!, file.Dataset.GetString(DicomTag.SOPInstanceUID)!);
        return await scp.OnCStoreAsync(association, request, DicomUid.ExplicitVRLittleEndian, spool, ct);
    }
}
