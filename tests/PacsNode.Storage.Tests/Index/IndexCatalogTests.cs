using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Index;
using Xunit;

namespace PacsNode.Storage.Tests.Index;

public sealed class IndexCatalogTests
{
    [Fact]
    public async Task ListSeriesInstances_StoredSeries_ReturnsEveryInstanceWithItsFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        foreach (string sop in new[] { "1.2.3.10", "1.2.3.2", "1.2.3.1" })
        {
            await harness.StoreAndIndexAsync(TestInstances.File("1.2.1", "1.2.2", sop), ct);
        }

        await harness.StoreAndIndexAsync(TestInstances.File("1.2.1", "1.2.9", "1.2.9.1"), ct);
        var catalog = new IndexCatalog(harness.Database);

        IReadOnlyList<CatalogInstance> instances = await catalog.ListSeriesInstancesAsync("1.2.2", ct);

        Assert.Equal(["1.2.3.1", "1.2.3.10", "1.2.3.2"], instances.Select(i => i.SopInstanceUid));
        Assert.All(instances, i => Assert.True(File.Exists(i.FilePath)));
        Assert.All(instances, i => Assert.Equal(DicomUid.PositronEmissionTomographyImageStorage, i.SopClassUid));
        Assert.Empty(await catalog.ListSeriesInstancesAsync("9.9", ct));
        Assert.Equal(instances[1], await catalog.FindInstanceAsync("1.2.3.10", ct));
        Assert.Null(await catalog.FindInstanceAsync("1.2.3.99", ct));
    }

    [Fact]
    public async Task ListStudySeries_TwoSeries_ReturnsModalityAndCounts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        await harness.StoreAndIndexAsync(TestInstances.File("1.2.1", "1.2.2", "1.2.2.1"), ct);
        await harness.StoreAndIndexAsync(TestInstances.File("1.2.1", "1.2.2", "1.2.2.2"), ct);
        DicomDataset ct1 = TestInstances.Dataset("1.2.1", "1.2.3", "1.2.3.1");
        ct1.SetString(DicomTag.Modality, DicomVR.CS, "CT");
        await harness.StoreAndIndexAsync(TestInstances.File(ct1), ct);

        IReadOnlyList<CatalogSeries> series = await new IndexCatalog(harness.Database).ListStudySeriesAsync("1.2.1", ct);

        Assert.Equal([new CatalogSeries("1.2.2", "PT", 2), new CatalogSeries("1.2.3", "CT", 1)], series);
    }

    [Fact]
    public async Task ListPatientStudies_TwoPatients_ReturnsOnlyThatPatientsStudiesInOrdinalOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        await harness.StoreAndIndexAsync(TestInstances.File(TestInstances.Dataset("1.2.10", "1.2.10.1", "1.2.10.1.1", patientId: "P1")), ct);
        await harness.StoreAndIndexAsync(TestInstances.File(TestInstances.Dataset("1.2.9", "1.2.9.1", "1.2.9.1.1", patientId: "P1")), ct);
        await harness.StoreAndIndexAsync(TestInstances.File(TestInstances.Dataset("1.2.9", "1.2.9.2", "1.2.9.2.1", patientId: "P1")), ct);
        await harness.StoreAndIndexAsync(TestInstances.File(TestInstances.Dataset("1.2.8", "1.2.8.1", "1.2.8.1.1", patientId: "P2")), ct);
        var catalog = new IndexCatalog(harness.Database);

        Assert.Equal(["1.2.10", "1.2.9"], await catalog.ListPatientStudiesAsync("P1", ct));
        Assert.Equal(["1.2.8"], await catalog.ListPatientStudiesAsync("P2", ct));
        Assert.Empty(await catalog.ListPatientStudiesAsync("P3", ct));
    }
}
