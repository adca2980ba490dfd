using PacsNode.Dicom.IO;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Volume;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Phantoms;

/// <summary>
/// The phantom's CT (128², same frame of reference) resampled onto its 64² PET grid: the liver centre and the 20 mm
/// sphere's centre lie deep inside their structures, so all eight CT neighbours hold the generator's HU (liver 60,
/// sphere 40) and so must the interpolated value; outside the body it is air (−1000).
/// </summary>
public sealed class PhantomCtResampleTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<List<DicomFile>> ReadAsync(string folder)
    {
        var files = new List<DicomFile>();
        foreach (string path in Directory.GetFiles(folder, "*.dcm").Order(StringComparer.Ordinal))
        {
            files.Add(await DicomFile.OpenAsync(path, null, Token));
        }

        return files;
    }

    private static (int X, int Y, int Z) Nearest(VolumeGeometry g, double x, double y, double z)
    {
        (double i, double j, double k) = g.PatientToVoxel(new PatientVector(x, y, z));
        return ((int)Math.Round(i), (int)Math.Round(j), (int)Math.Round(k));
    }

    [Fact]
    public async Task PhantomCt_OnPetGrid_LiverSphereAndAirHaveTheGeneratorsHu()
    {
        using var temp = new TempDirectory("phantom-ct");
        PhantomResult phantom = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg), temp.FullPath);
        List<DicomFile> pet = await ReadAsync(phantom.PetFolder);
        List<DicomFile> ct = await ReadAsync(phantom.CtFolder!);
        VolumeResult<VolumeGeometry> petGeometry = VolumeAssembler.Assemble([.. pet.Select(f => f.Dataset)]);
        Assert.True(petGeometry.IsSuccess, petGeometry.ToString());

        VolumeResult<CtVolume> result = await CtResampler.ResampleAsync(ct, petGeometry.Value, phantom.Truth.FrameOfReferenceUid, Token);

        Assert.True(result.IsSuccess, result.ToString());
        CtVolume volume = result.Value;
        Assert.Equal(petGeometry.Value, volume.Geometry);
        Assert.Equal(128, volume.CtGeometry.Columns);
        PhantomEllipsoid liver = phantom.Truth.Liver.Ellipsoid;
        (int lx, int ly, int lz) = Nearest(volume.Geometry, liver.X, liver.Y, liver.Z);
        Assert.Equal(60f, volume[lx, ly, lz]);
        PhantomVoxel sphere = phantom.Truth.Spheres[0].CentreVoxel;
        Assert.Equal(20, phantom.Truth.Spheres[0].Sphere.DiameterMm);
        Assert.Equal(40f, volume[sphere.X, sphere.Y, sphere.Z]);
        Assert.Equal(-1000f, volume[0, 0, 0]); // the grid's corner is outside the elliptic body
    }
}
