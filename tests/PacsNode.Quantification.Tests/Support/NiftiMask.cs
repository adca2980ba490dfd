using System.Buffers.Binary;
using System.IO.Compression;
using Xunit;

namespace PacsNode.Quantification.Tests.Support;

/// <summary>
/// A minimal NIfTI-1 reader for the IBSI DRO masks (gzip, 348-byte header, sform affine in RAS mm). Only what
/// the tests need: dim, datatype, vox_offset, srow_x/y/z; voxel (i, j, k) with i fastest.
/// </summary>
internal sealed class NiftiMask
{
    private NiftiMask(int nx, int ny, int nz, bool[] voxels, float[] affine)
    {
        Nx = nx;
        Ny = ny;
        Nz = nz;
        Voxels = voxels;
        Affine = affine;
    }

    public int Nx { get; }

    public int Ny { get; }

    public int Nz { get; }

    public bool[] Voxels { get; }

    /// <summary>srow_x, srow_y, srow_z (12 floats): RAS = A · (i, j, k, 1).</summary>
    public float[] Affine { get; }

    public static async Task<NiftiMask> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await gzip.CopyToAsync(buffer, cancellationToken);
        byte[] bytes = buffer.ToArray();
        ReadOnlySpan<byte> h = bytes;
        Assert.Equal(348, BinaryPrimitives.ReadInt32LittleEndian(h));
        int nx = BinaryPrimitives.ReadInt16LittleEndian(h[42..]);
        int ny = BinaryPrimitives.ReadInt16LittleEndian(h[44..]);
        int nz = BinaryPrimitives.ReadInt16LittleEndian(h[46..]);
        short datatype = BinaryPrimitives.ReadInt16LittleEndian(h[70..]);
        int offset = (int)BinaryPrimitives.ReadSingleLittleEndian(h[108..]);
        short sform = BinaryPrimitives.ReadInt16LittleEndian(h[254..]);
        Assert.True(sform > 0, "the mask has no sform affine");
        float[] affine = new float[12];
        for (int i = 0; i < 12; i++)
        {
            affine[i] = BinaryPrimitives.ReadSingleLittleEndian(h[(280 + (4 * i))..]);
        }

        int size = datatype switch { 2 => 1, 4 or 512 => 2, 8 or 16 => 4, _ => throw new InvalidDataException($"NIfTI datatype {datatype}") };
        var voxels = new bool[nx * ny * nz];
        ReadOnlySpan<byte> data = h[offset..];
        for (int v = 0; v < voxels.Length; v++)
        {
            ReadOnlySpan<byte> at = data[(v * size)..];
            voxels[v] = datatype switch
            {
                2 => at[0] != 0,
                4 or 512 => BinaryPrimitives.ReadInt16LittleEndian(at) != 0,
                8 => BinaryPrimitives.ReadInt32LittleEndian(at) != 0,
                _ => BinaryPrimitives.ReadSingleLittleEndian(at) != 0,
            };
        }

        return new NiftiMask(nx, ny, nz, voxels, affine);
    }

    /// <summary>The DICOM patient (LPS) position of voxel (i, j, k): the RAS sform result with x and y negated.</summary>
    public (double X, double Y, double Z) PatientPosition(int i, int j, int k)
    {
        float[] a = Affine;
        double x = (a[0] * i) + (a[1] * j) + (a[2] * k) + a[3];
        double y = (a[4] * i) + (a[5] * j) + (a[6] * k) + a[7];
        double z = (a[8] * i) + (a[9] * j) + (a[10] * k) + a[11];
        return (-x, -y, z);
    }
}
