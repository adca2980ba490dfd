using PacsNode.Dicom.IO;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Volume;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Volume;

/// <summary>
/// The 17 IBSI-SUV digital reference objects (oncoray/suv_computation, DRO/DRO_list.csv): every one is expected to
/// give, inside its NIfTI feature-extraction mask, SUVmin 0.20, SUVmed 1.00 and SUVmax 4.00 at two decimals. The
/// mask's sform is mapped to the DICOM grid through patient coordinates, so the NIfTI axis order and the DICOM
/// slice order are checked rather than assumed.
/// </summary>
public sealed class IbsiDroTests
{
    public static TheoryData<string> Computable() =>
    [
        "DRO_0_0", "DRO_1_0", "DRO_2_0", "DRO_2_1", "DRO_2_2", "DRO_2_4", "DRO_2_5", "DRO_3_0", "DRO_3_1",
        "DRO_3_2", "DRO_3_3", "DRO_3_4", "DRO_4_0", "DRO_4_1", "DRO_4_2", "DRO_5_0",
    ];

    [Theory]
    [MemberData(nameof(Computable))]
    public async Task Dro_InsideMask_GivesMin020Median100Max400(string dro)
    {
        RequiresTool.SharedTestData();
        (double min, double median, double max) = await MaskStatisticsAsync(dro, TestContext.Current.CancellationToken);

        Assert.Equal(0.20, Math.Round(min, 2));
        Assert.Equal(1.00, Math.Round(median, 2));
        Assert.Equal(4.00, Math.Round(max, 2));
    }

    internal static async Task<(double Min, double Median, double Max)> MaskStatisticsAsync(string dro, CancellationToken cancellationToken)
    {
        string folder = TestData.Path("ibsi-suv-dro", "DRO", dro);
        IReadOnlyList<DicomFile> files = await SeriesLoader.ReadFolderAsync(Path.Combine(folder, "PT"), null, cancellationToken);
        SuvResult suv = SuvCalculator.Calculate([.. files.Select(f => f.Dataset)]);
        Assert.True(suv.IsSuccess, suv.ToString());
        VolumeResult<SuvVolume> built = await SuvVolumeBuilder.BuildAsync(files, suv.Factors, SuvNormalisation.BodyWeight, cancellationToken);
        Assert.True(built.IsSuccess, built.ToString());
        SuvVolume volume = built.Value;

        NiftiMask mask = await NiftiMask.ReadAsync(Path.Combine(folder, "mask", "DRO_mask.nii.gz"), cancellationToken);
        var inside = new List<double>();
        for (int k = 0; k < mask.Nz; k++)
        {
            for (int j = 0; j < mask.Ny; j++)
            {
                for (int i = 0; i < mask.Nx; i++)
                {
                    if (!mask.Voxels[i + (mask.Nx * (j + (mask.Ny * k)))])
                    {
                        continue;
                    }

                    (double px, double py, double pz) = mask.PatientPosition(i, j, k);
                    (double x, double y, double z) = volume.Geometry.PatientToVoxel(new PatientVector(px, py, pz));
                    int xi = (int)Math.Round(x), yi = (int)Math.Round(y), zi = (int)Math.Round(z);
                    Assert.True(Math.Abs(x - xi) < 0.01 && Math.Abs(y - yi) < 0.01 && Math.Abs(z - zi) < 0.01, "mask and PET grids differ");
                    inside.Add(volume[xi, yi, zi]);
                }
            }
        }

        Assert.NotEmpty(inside);
        inside.Sort();
        int n = inside.Count;
        double median = n % 2 == 1 ? inside[n / 2] : (inside[(n / 2) - 1] + inside[n / 2]) / 2;
        return (inside[0], median, inside[^1]);
    }
}
