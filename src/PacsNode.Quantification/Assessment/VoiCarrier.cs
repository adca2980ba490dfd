using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Carries a VOI from one study's grid to another's through a rigid alignment: a target voxel belongs to the carried
/// VOI when its centre, mapped back into the source frame (<see cref="RigidAlignment.Unmap"/>: rotation and
/// translation), falls in a source VOI voxel (nearest voxel).
/// Pulling target voxels (rather than pushing source voxels) leaves no holes when the target grid is finer, and works
/// for any orientation and spacing of either grid.
/// </summary>
public static class VoiCarrier
{
    /// <param name="voxels">Source VOI voxel indices (x + Columns·(y + Rows·z)).</param>
    /// <param name="source">The source grid.</param>
    /// <param name="target">The target grid.</param>
    /// <param name="alignment">Target position = <see cref="RigidAlignment.Map"/>(source position).</param>
    /// <returns>Target voxel indices, ascending; empty when the VOI falls outside the target volume.</returns>
    public static int[] Carry(IReadOnlyList<int> voxels, VolumeGeometry source, VolumeGeometry target, RigidAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(voxels);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(alignment);
        if (voxels.Count == 0)
        {
            return [];
        }

        var members = new HashSet<int>(voxels);
        RotationMatrix rotation = alignment.Rotation;
        double lx = double.MaxValue, ly = double.MaxValue, lz = double.MaxValue, hx = double.MinValue, hy = double.MinValue, hz = double.MinValue;
        int plane = source.Columns * source.Rows;
        foreach (int v in voxels)
        {
            int x = v % source.Columns, y = (v / source.Columns) % source.Rows, z = v / plane;
            for (int corner = 0; corner < 8; corner++)
            {
                PatientVector p = alignment.MapWith(rotation, source.VoxelToPatient(x + ((corner & 1) - 0.5), y + (((corner >> 1) & 1) - 0.5), z + (((corner >> 2) & 1) - 0.5)));
                (double tx, double ty, double tz) = target.PatientToVoxel(p);
                lx = Math.Min(lx, tx);
                ly = Math.Min(ly, ty);
                lz = Math.Min(lz, tz);
                hx = Math.Max(hx, tx);
                hy = Math.Max(hy, ty);
                hz = Math.Max(hz, tz);
            }
        }

        int x0 = Math.Max(0, (int)Math.Floor(lx)), y0 = Math.Max(0, (int)Math.Floor(ly)), z0 = Math.Max(0, (int)Math.Floor(lz));
        int x1 = Math.Min(target.Columns - 1, (int)Math.Ceiling(hx)), y1 = Math.Min(target.Rows - 1, (int)Math.Ceiling(hy));
        int z1 = Math.Min(target.SliceCount - 1, (int)Math.Ceiling(hz));
        var carried = new List<int>();
        for (int z = z0; z <= z1; z++)
        {
            for (int y = y0; y <= y1; y++)
            {
                for (int x = x0; x <= x1; x++)
                {
                    (double sx, double sy, double sz) = source.PatientToVoxel(alignment.UnmapWith(rotation, target.VoxelToPatient(x, y, z)));
                    int ix = (int)Math.Round(sx, MidpointRounding.AwayFromZero), iy = (int)Math.Round(sy, MidpointRounding.AwayFromZero);
                    int iz = (int)Math.Round(sz, MidpointRounding.AwayFromZero);
                    if (ix >= 0 && iy >= 0 && iz >= 0 && ix < source.Columns && iy < source.Rows && iz < source.SliceCount
                        && members.Contains(ix + (source.Columns * (iy + (source.Rows * iz)))))
                    {
                        carried.Add(x + (target.Columns * (y + (target.Rows * z))));
                    }
                }
            }
        }

        return [.. carried];
    }

    /// <summary>The centroid of a VOI's voxel centres, mm.</summary>
    public static PatientVector Centroid(IReadOnlyList<int> voxels, VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(voxels);
        ArgumentNullException.ThrowIfNull(geometry);
        if (voxels.Count == 0)
        {
            throw new ArgumentException("A VOI needs at least one voxel.", nameof(voxels));
        }

        double sx = 0, sy = 0, sz = 0;
        int plane = geometry.Columns * geometry.Rows;
        foreach (int v in voxels)
        {
            sx += v % geometry.Columns;
            sy += (v / geometry.Columns) % geometry.Rows;
            sz += v / plane;
        }

        return geometry.VoxelToPatient(sx / voxels.Count, sy / voxels.Count, sz / voxels.Count);
    }
}
