using PacsNode.Dicom.IO;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Tests.Volume;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Vois;

public sealed class IbsiDroVoiStatisticsTests
{
    [Theory]
    [MemberData(nameof(IbsiDroTests.Computable), MemberType = typeof(IbsiDroTests))]
    public async Task Dro_RtStructRoi_GivesMin020Median100Max400(string dro)
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string folder = TestData.Path("ibsi-suv-dro", "DRO", dro);
        IReadOnlyList<DicomFile> files = await SeriesLoader.ReadFolderAsync(Path.Combine(folder, "PT"), null, ct);
        SuvResult suv = SuvCalculator.Calculate([.. files.Select(f => f.Dataset)]);
        Assert.True(suv.IsSuccess);
        VolumeResult<SuvVolume> volume = await SuvVolumeBuilder.BuildAsync(files, suv.Factors, SuvNormalisation.BodyWeight, ct);
        Assert.True(volume.IsSuccess);
        string rsPath = Directory.GetFiles(Path.Combine(folder, "RS"))[0];
        DicomFile rs = await DicomFile.OpenAsync(rsPath, null, ct);
        VoiReadResult read = RtStructReader.Read(rs.Dataset, volume.Value.Geometry, PetSeriesReference.From([.. files.Select(f => f.Dataset)], volume.Value.Geometry));
        Assert.True(read.IsSuccess, read.ToString());
        using var kernels = new ReferenceKernels();
        var body = BodyMask.Compute(volume.Value, kernels);

        VoiMetrics m = new VoiMeasurer(kernels).Measure(volume.Value, read.Vois[0].Voxels, new MeasurementContext(body, null, "x", true));

        Assert.Equal((0.20, 1.00, 4.00), (Math.Round(m.SuvMin, 2), Math.Round(m.SuvMedian, 2), Math.Round(m.SuvMax, 2)));
    }
}
