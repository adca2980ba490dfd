using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;

namespace PacsNode.Quantification.Tests.Lesions;

/// <summary>
/// The test's own, deliberately plain implementation of the lesion metrics (DOMAIN.md section 4), independent of the
/// production kernels, VOI measurer and volume builder: the PET slices decoded by hand (int16 × RescaleSlope × the
/// SUVbw factor, slices sorted by z), the 41%-of-max VOI grown from the max voxel by a 26-connected BFS, SUVpeak as
/// the largest mean over voxel centres within 6.2035 mm of a VOI voxel by brute force.
/// </summary>
internal sealed class PhantomSuvVolume
{
    private const double PeakRadiusMm = 6.2035;

    private PhantomSuvVolume(float[] voxels, int columns, int rows, int slices, double pixelMm, double sliceMm)
    {
        Voxels = voxels;
        Columns = columns;
        Rows = rows;
        Slices = slices;
        PixelMm = pixelMm;
        SliceMm = sliceMm;
    }

    public float[] Voxels { get; }

    public int Columns { get; }

    public int Rows { get; }

    public int Slices { get; }

    public double PixelMm { get; }

    public double SliceMm { get; }

    public double VoxelMl => PixelMm * PixelMm * SliceMm / 1000;

    public int Index(int x, int y, int z) => x + (Columns * (y + (Rows * z)));

    public (int X, int Y, int Z) Coordinates(int index) => (index % Columns, index / Columns % Rows, index / (Columns * Rows));

    /// <summary>Decodes the slices as float SUVs: (stored × slope + intercept) × factor, computed in double.</summary>
    public static PhantomSuvVolume Decode(IReadOnlyList<DicomFile> files, double factor)
    {
        DicomDataset[] sorted = [.. files.Select(f => f.Dataset).OrderBy(d => d.GetDoubles(DicomTag.ImagePositionPatient)![2])];
        DicomDataset first = sorted[0];
        Assert(first.TryGetInt32(DicomTag.Columns, out int columns));
        Assert(first.TryGetInt32(DicomTag.Rows, out int rows));
        double[] spacing = first.GetDoubles(DicomTag.PixelSpacing)!;
        double sliceMm = sorted[1].GetDoubles(DicomTag.ImagePositionPatient)![2] - first.GetDoubles(DicomTag.ImagePositionPatient)![2];
        float[] voxels = new float[columns * rows * sorted.Length];
        for (int z = 0; z < sorted.Length; z++)
        {
            DicomDataset slice = sorted[z];
            Assert(slice.TryGetDouble(DicomTag.RescaleSlope, out double slope, 0));
            double intercept = slice.TryGetDouble(DicomTag.RescaleIntercept, out double b, 0) ? b : 0;
            ReadOnlySpan<byte> pixels = ((DicomElement)slice.Get(DicomTag.PixelData)!).Buffer.Span;
            for (int i = 0; i < columns * rows; i++)
            {
                short stored = BinaryPrimitives.ReadInt16LittleEndian(pixels[(2 * i)..]);
                voxels[(z * columns * rows) + i] = (float)(((stored * slope) + intercept) * factor);
            }
        }

        return new PhantomSuvVolume(voxels, columns, rows, sorted.Length, spacing[0], sliceMm);
    }

    /// <summary>The 26-connected region of voxels ≥ fraction × the seed's value containing the seed, by BFS.</summary>
    public HashSet<int> Grow(int seed, double fraction)
    {
        float cut = (float)(fraction * Voxels[seed]);
        var region = new HashSet<int> { seed };
        var queue = new Queue<int>([seed]);
        while (queue.Count > 0)
        {
            (int x, int y, int z) = Coordinates(queue.Dequeue());
            for (int dz = -1; dz <= 1; dz++)
            {
                for (int dy = -1; dy <= 1; dy++)
                {
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy, nz = z + dz;
                        if (nx >= 0 && ny >= 0 && nz >= 0 && nx < Columns && ny < Rows && nz < Slices
                            && Voxels[Index(nx, ny, nz)] >= cut && region.Add(Index(nx, ny, nz)))
                        {
                            queue.Enqueue(Index(nx, ny, nz));
                        }
                    }
                }
            }
        }

        return region;
    }

    /// <summary>Mean over the voxel centres within 6.2035 mm of the voxel's centre (clipped at the volume's edge).</summary>
    public double SphereMean(int centre)
    {
        (int cx, int cy, int cz) = Coordinates(centre);
        int rx = (int)Math.Ceiling(PeakRadiusMm / PixelMm), rz = (int)Math.Ceiling(PeakRadiusMm / SliceMm);
        double sum = 0;
        int count = 0;
        for (int z = Math.Max(0, cz - rz); z <= Math.Min(Slices - 1, cz + rz); z++)
        {
            for (int y = Math.Max(0, cy - rx); y <= Math.Min(Rows - 1, cy + rx); y++)
            {
                for (int x = Math.Max(0, cx - rx); x <= Math.Min(Columns - 1, cx + rx); x++)
                {
                    double ex = (x - cx) * PixelMm, ey = (y - cy) * PixelMm, ez = (z - cz) * SliceMm;
                    if ((ex * ex) + (ey * ey) + (ez * ez) <= PeakRadiusMm * PeakRadiusMm)
                    {
                        sum += Voxels[Index(x, y, z)];
                        count++;
                    }
                }
            }
        }

        return sum / count;
    }

    /// <summary>The lesion grown from a seed: SUVmax (the region's max, smallest index on ties), its voxel, MTV, SUVmean, SUVpeak.</summary>
    public (float SuvMax, int MaxIndex, double MtvMl, double SuvMean, double SuvPeak) Measure(int seed)
    {
        int[] region = [.. Grow(seed, 0.41).Order()];
        int maxIndex = region[0];
        double sum = 0, peak = double.MinValue;
        foreach (int i in region)
        {
            if (Voxels[i] > Voxels[maxIndex])
            {
                maxIndex = i;
            }

            sum += Voxels[i];
            peak = Math.Max(peak, SphereMean(i));
        }

        return (Voxels[maxIndex], maxIndex, region.Length * VoxelMl, sum / region.Length, peak);
    }

    private static void Assert(bool condition)
    {
        if (!condition)
        {
            throw new InvalidDataException("a phantom slice lacks Rows, Columns or RescaleSlope");
        }
    }
}
