namespace PacsNode.Quantification.Kernels;

/// <summary>The argument checks every <see cref="IVolumeKernels"/> backend makes, with one wording.</summary>
internal static class KernelArguments
{
    /// <summary>Throws unless <paramref name="length"/> is the shape's voxel count; returns it.</summary>
    public static int VoxelCount(int length, VolumeShape shape, string name)
    {
        if (length != shape.VoxelCount)
        {
            throw new ArgumentException($"{name} has {length} voxels; the shape has {shape.VoxelCount}.", name);
        }

        return length;
    }

    /// <summary>
    /// Checks the outputs of <see cref="IVolumeKernels.SphereStatistics"/> against the centres and every centre against
    /// the volume; returns whether standard deviations are wanted (a non-empty span). <paramref name="means"/> and
    /// <paramref name="standardDeviations"/> are the lengths of the output spans of the same names.
    /// </summary>
    public static bool SphereOutputs(int voxels, ReadOnlySpan<int> centres, int means, int standardDeviations)
    {
        if (means < centres.Length)
        {
            throw new ArgumentException($"{means} means for {centres.Length} centres.", nameof(means));
        }

        bool wantDeviations = standardDeviations > 0;
        if (wantDeviations && standardDeviations < centres.Length)
        {
            throw new ArgumentException($"{standardDeviations} deviations for {centres.Length} centres.", nameof(standardDeviations));
        }

        foreach (int centre in centres)
        {
            if ((uint)centre >= (uint)voxels)
            {
                throw new ArgumentOutOfRangeException(nameof(centres), centre, $"A centre is outside the {voxels} voxels.");
            }
        }

        return wantDeviations;
    }
}
