using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Vois;

/// <summary>
/// The IBSI-SUV DROs through their own RTSTRUCT: the rasterised ROI must be the NIfTI feature-extraction mask voxel
/// for voxel (independent truth for the even-odd rasterisation), and its statistics must be 0.20 / 1.00 / 4.00.
/// </summary>
public sealed class IbsiDroRtStructTests
{
    [Fact]
    public async Task Dro00_RtStructRoi_IsInsideTheNiftiMaskWithEachContoursArea()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string folder = TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0");
        IReadOnlyList<DicomFile> files = await SeriesLoader.ReadFolderAsync(Path.Combine(folder, "PT"), SeriesLoader.HeadersOnly, ct);
        VolumeResult<VolumeGeometry> geometry = VolumeAssembler.Assemble([.. files.Select(f => f.Dataset)]);
        Assert.True(geometry.IsSuccess);
        DicomFile rs = await DicomFile.OpenAsync(Path.Combine(folder, "RS", "RS_dro_0_0.dcm"), null, ct);

        VoiReadResult read = RtStructReader.Read(rs.Dataset, geometry.Value, PetSeriesReference.From([.. files.Select(f => f.Dataset)], geometry.Value));

        Assert.True(read.IsSuccess, read.ToString());
        Voi voi = Assert.Single(read.Vois);
        Assert.Equal(("R3", "region_1"), (voi.Id, voi.Name));
        NiftiMask mask = await NiftiMask.ReadAsync(Path.Combine(folder, "mask", "DRO_mask.nii.gz"), ct);
        var expected = new SortedSet<int>();
        for (int k = 0; k < mask.Nz; k++)
        {
            for (int j = 0; j < mask.Ny; j++)
            {
                for (int i = 0; i < mask.Nx; i++)
                {
                    if (mask.Voxels[i + (mask.Nx * (j + (mask.Ny * k)))])
                    {
                        (double x, double y, double z) = geometry.Value.PatientToVoxel(new PatientVector(mask.PatientPosition(i, j, k).X, mask.PatientPosition(i, j, k).Y, mask.PatientPosition(i, j, k).Z));
                        expected.Add((int)Math.Round(x) + (geometry.Value.Columns * ((int)Math.Round(y) + (geometry.Value.Rows * (int)Math.Round(z)))));
                    }
                }
            }
        }

        // The DRO's RTSTRUCT is drawn a little inside the mask (radius ~59 of its 60 voxels) and on slices 2–17 of
        // its 1–18, so the ROI is a subset of the mask, and on each slice its voxel count is the contour's area.
        Assert.True(expected.IsSupersetOf(voi.Voxels));
        int plane = geometry.Value.Columns * geometry.Value.Rows;
        Assert.Equal(Enumerable.Range(2, 16), voi.Voxels.Select(i => i / plane).Distinct());
        foreach (var contour in rs.Dataset.GetSequence(DicomTag.ROIContourSequence)!.Items[0].GetSequence(DicomTag.ContourSequence)!.Items)
        {
            double[] data = contour.GetDoubles(DicomTag.ContourData)!;
            int z = (int)Math.Round(data[2] / 4);
            double area = 0;
            for (int p = 0; p < data.Length / 3; p++)
            {
                int q = (p + 1) % (data.Length / 3);
                area += (data[3 * p] * data[(3 * q) + 1]) - (data[3 * q] * data[(3 * p) + 1]);
            }

            double voxels = Math.Abs(area) / 2 / 16;
            Assert.InRange(voi.Voxels.Count(i => i / plane == z), voxels * 0.99, voxels * 1.01);
        }
    }
}
