using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Vois;

/// <summary>
/// The patient's body on the PET grid, for the background shell and the liver search. Rule (documented, not from a
/// standard): the tissue level is the median SUV of the voxels above the volume's mean (in a PET field of view
/// those are almost all tissue: air and outside are near zero and pull the mean below tissue); the body is the
/// largest 26-connected component of voxels ≥ <see cref="TissueFraction"/> × tissue level. Lungs (SUV ~0.3–0.5 of
/// soft tissue with FDG) stay inside; air, the couch and reconstruction noise outside the patient do not.
/// </summary>
public sealed class BodyMask
{
    /// <summary>The body threshold as a fraction of the tissue level.</summary>
    public const double TissueFraction = 0.1;

    private BodyMask(byte[] mask, float threshold, double tissueLevel, long voxelCount)
    {
        Mask = mask;
        Threshold = threshold;
        TissueLevel = tissueLevel;
        VoxelCount = voxelCount;
    }

    /// <summary>1 inside the body, 0 outside; same indexing as the volume.</summary>
#pragma warning disable CA1819 // a mask is a buffer handed to kernels
    public byte[] Mask { get; }
#pragma warning restore CA1819

    public float Threshold { get; }

    /// <summary>Median SUV of the voxels above the volume mean.</summary>
    public double TissueLevel { get; }

    public long VoxelCount { get; }

    public bool Contains(int index) => Mask[index] != 0;

    public static BodyMask Compute(SuvVolume volume, IVolumeKernels kernels)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(kernels);
        float[] values = volume.Voxels;
        double sum = 0;
        foreach (float v in values)
        {
            sum += v;
        }

        double mean = sum / values.Length;
        float[] above = [.. values.Where(v => v > mean)];
        double tissue = above.Length > 0 ? Order.Median(above) : 0;
        if (!(tissue > 0))
        {
            // A constant or empty volume: everything at or above zero counts as body.
            return new BodyMask([.. values.Select(v => v > 0 ? (byte)1 : (byte)0)], 0, tissue, values.Count(v => v > 0));
        }

        float threshold = (float)(TissueFraction * tissue);
        VolumeShape shape = GridShape.Of(volume.Geometry);
        int[] labels = new int[values.Length];
        int count = kernels.LabelComponents(values, shape, threshold, labels);
        LabelStatistics[] statistics = kernels.Statistics(values, labels, count);
        int largest = 0;
        for (int k = 1; k < statistics.Length; k++)
        {
            if (statistics[k].Count > statistics[largest].Count)
            {
                largest = k;
            }
        }

        byte[] mask = new byte[values.Length];
        int wanted = largest + 1;
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = labels[i] == wanted ? (byte)1 : (byte)0;
        }

        return new BodyMask(mask, threshold, tissue, count == 0 ? 0 : statistics[largest].Count);
    }

    /// <summary>A mask from the caller (tests, or a CT body outline): every nonzero entry is body.</summary>
    public static BodyMask FromMask(byte[] mask, double tissueLevel)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return new BodyMask(mask, float.NaN, tissueLevel, mask.Count(b => b != 0));
    }
}
