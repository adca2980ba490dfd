using PacsNode.Quantification.Kernels;

namespace PacsNode.Quantification.Tests.Kernels;

/// <summary>
/// Volumes that stress the kernels: random noise near the percolation threshold, spirals and U-shapes whose branches
/// meet late, chains joined only through corners, all and nothing above the threshold, lines along each axis, and
/// SUV-like volumes with hot spheres. Values are small integers where ties matter (maxima tie-break by index).
/// </summary>
internal static class KernelTestVolumes
{
    public static readonly float Threshold = 0.5f;

    public static IEnumerable<string> LabelCases =>
    [
        "random-sparse", "random-percolating", "random-dense", "random-ties", "spiral", "u-shapes", "corner-chain", "checkerboard", "comb",
        "all-foreground", "empty", "line-x", "line-y", "line-z", "single-voxel", "hot-spheres",
    ];

    public static (float[] Values, VolumeShape Shape) Create(string name) => name switch
    {
        "random-sparse" => Random(new VolumeShape(23, 17, 11, 1, 1, 1), 0.08, 1),
        // Just above the 26-connected site percolation threshold (≈ 0.097): large, thin, tree-like clusters.
        "random-percolating" => Random(new VolumeShape(41, 37, 19, 1, 1, 1), 0.12, 8),
        "random-dense" => Random(new VolumeShape(19, 21, 13, 1, 1, 1), 0.3, 2),
        "random-ties" => RandomTies(new VolumeShape(15, 9, 7, 2, 2, 3.27), 3),
        "spiral" => Spiral(new VolumeShape(21, 21, 3, 1, 1, 1)),
        "u-shapes" => UShapes(new VolumeShape(25, 13, 5, 1, 1, 1)),
        "corner-chain" => CornerChain(new VolumeShape(9, 9, 9, 1, 1, 1)),
        "checkerboard" => Checkerboard(new VolumeShape(7, 8, 9, 1, 1, 1)),
        "comb" => Comb(new VolumeShape(31, 15, 3, 1, 1, 1)),
        "all-foreground" => (Enumerable.Repeat(1f, 11 * 6 * 5).ToArray(), new VolumeShape(11, 6, 5, 1, 1, 1)),
        "empty" => (new float[7 * 5 * 3], new VolumeShape(7, 5, 3, 1, 1, 1)),
        "line-x" => Random(new VolumeShape(97, 1, 1, 1, 1, 1), 0.5, 4),
        "line-y" => Random(new VolumeShape(1, 89, 1, 1, 1, 1), 0.5, 5),
        "line-z" => Random(new VolumeShape(1, 1, 83, 1, 1, 1), 0.5, 6),
        "single-voxel" => ([1f], new VolumeShape(1, 1, 1, 1, 1, 1)),
        "hot-spheres" => HotSpheres(new VolumeShape(33, 29, 27, 4.07, 4.07, 3.27), 7),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown test volume."),
    };

    /// <summary>Voxels above the threshold with probability <paramref name="density"/>, values 0.5..2.5.</summary>
    public static (float[], VolumeShape) Random(VolumeShape shape, double density, int seed)
    {
        var random = new Random(seed);
        float[] v = new float[shape.VoxelCount];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = random.NextDouble() < density ? 0.5f + (float)(2 * random.NextDouble()) : (float)(0.5 * random.NextDouble());
        }

        return (v, shape);
    }

    /// <summary>Integer values 0..4: a third of the voxels are foreground and many share the maximum of their component.</summary>
    public static (float[], VolumeShape) RandomTies(VolumeShape shape, int seed)
    {
        var random = new Random(seed);
        float[] v = new float[shape.VoxelCount];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = random.Next(3) == 0 ? random.Next(1, 5) : 0;
        }

        return (v, shape);
    }

    /// <summary>A square spiral of one-voxel walls in every slice: one long component per slice, found only by merging.</summary>
    public static (float[], VolumeShape) Spiral(VolumeShape shape)
    {
        float[] v = new float[shape.VoxelCount];
        for (int z = 0; z < shape.Slices; z++)
        {
            int x = 0, y = 0, dx = 1, dy = 0, length = shape.Columns - 1, walked = 0, turns = 0;
            while (length > 0)
            {
                v[shape.Index(x, y, z)] = 1 + z;
                x += dx;
                y += dy;
                if (++walked == length)
                {
                    walked = 0;
                    (dx, dy) = (-dy, dx);
                    turns++;
                    if (turns % 2 == 0)
                    {
                        length -= 2;
                    }
                }
            }
        }

        return (v, shape);
    }

    /// <summary>Nested U shapes open at the top, their arms meeting only at the bottom row.</summary>
    public static (float[], VolumeShape) UShapes(VolumeShape shape)
    {
        float[] v = new float[shape.VoxelCount];
        for (int z = 0; z < shape.Slices; z += 2)
        {
            for (int u = 0; u < shape.Columns / 4; u++)
            {
                int left = 2 * u, right = shape.Columns - 1 - (2 * u), bottom = shape.Rows - 1 - (2 * u);
                for (int y = 0; y <= bottom; y++)
                {
                    v[shape.Index(left, y, z)] = 2;
                    v[shape.Index(right, y, z)] = 2;
                }

                for (int x = left; x <= right; x++)
                {
                    v[shape.Index(x, bottom, z)] = 3;
                }
            }
        }

        return (v, shape);
    }

    /// <summary>Diagonal chains that touch only at corners (26- but not 6- or 18-connected), plus isolated corner pairs.</summary>
    public static (float[], VolumeShape) CornerChain(VolumeShape shape)
    {
        float[] v = new float[shape.VoxelCount];
        for (int k = 0; k < Math.Min(shape.Columns, Math.Min(shape.Rows, shape.Slices)); k++)
        {
            v[shape.Index(k, k, k)] = 1 + k;
            v[shape.Index(shape.Columns - 1 - k, k, k)] = 1;
        }

        v[shape.Index(0, shape.Rows - 1, 0)] = 5;
        v[shape.Index(1, shape.Rows - 2, 1)] = 5;
        return (v, shape);
    }

    /// <summary>A 3-D checkerboard: no two foreground voxels share a face, yet all are one 26-connected component.</summary>
    public static (float[], VolumeShape) Checkerboard(VolumeShape shape)
    {
        float[] v = new float[shape.VoxelCount];
        for (int z = 0; z < shape.Slices; z++)
        {
            for (int y = 0; y < shape.Rows; y++)
            {
                for (int x = 0; x < shape.Columns; x++)
                {
                    v[shape.Index(x, y, z)] = (x + y + z) % 2 == 0 ? 1 + ((x * 7) % 3) : 0;
                }
            }
        }

        return (v, shape);
    }

    /// <summary>Teeth hanging from a spine on the last row of each slice: every tooth is seen first as its own component.</summary>
    public static (float[], VolumeShape) Comb(VolumeShape shape)
    {
        float[] v = new float[shape.VoxelCount];
        for (int z = 0; z < shape.Slices; z++)
        {
            for (int x = 0; x < shape.Columns; x++)
            {
                v[shape.Index(x, shape.Rows - 1, z)] = 1;
                if (x % 2 == 0)
                {
                    for (int y = 0; y < shape.Rows; y++)
                    {
                        v[shape.Index(x, y, z)] = 1 + (y % 4);
                    }
                }
            }
        }

        return (v, shape);
    }

    /// <summary>SUV-like background (≈ 1 with noise) and a few hot spheres (peak 4–9 SUV), on anisotropic voxels.</summary>
    public static (float[], VolumeShape) HotSpheres(VolumeShape shape, int seed)
    {
        var random = new Random(seed);
        float[] v = new float[shape.VoxelCount];
        (double X, double Y, double Z, double R, double Peak)[] spheres =
        [
            (30, 30, 25, 12, 6), (90, 80, 60, 18, 9), (110, 40, 30, 8, 4), (0, 0, 0, 10, 5),
        ];
        for (int z = 0; z < shape.Slices; z++)
        {
            for (int y = 0; y < shape.Rows; y++)
            {
                for (int x = 0; x < shape.Columns; x++)
                {
                    double px = x * shape.SpacingX, py = y * shape.SpacingY, pz = z * shape.SpacingZ;
                    double value = 0.3 + (0.4 * random.NextDouble());
                    foreach ((double sx, double sy, double sz, double r, double peak) in spheres)
                    {
                        double d = Math.Sqrt(((px - sx) * (px - sx)) + ((py - sy) * (py - sy)) + ((pz - sz) * (pz - sz)));
                        if (d <= r)
                        {
                            value += peak * (1 - (0.5 * d / r));
                        }
                    }

                    v[shape.Index(x, y, z)] = (float)value;
                }
            }
        }

        return (v, shape);
    }
}
