namespace PacsNode.Quantification.Kernels;

/// <summary>
/// The plain C# implementation of <see cref="IVolumeKernels"/>: single-threaded, straightforward loops, sums in
/// double. It is the truth the other backends are tested against, and the fallback when no accelerator is wanted.
/// </summary>
public sealed class ReferenceKernels : IVolumeKernels
{
    public string Backend => "reference";

    public void SuvMap(ReadOnlySpan<short> stored, bool storedIsSigned, ReadOnlySpan<float> sliceFactors, VolumeShape shape, Span<float> suv)
    {
        int plane = shape.Columns * shape.Rows;
        KernelArguments.VoxelCount(stored.Length, shape, nameof(stored));
        KernelArguments.VoxelCount(suv.Length, shape, nameof(suv));
        if (sliceFactors.Length != shape.Slices)
        {
            throw new ArgumentException($"{sliceFactors.Length} slice factors for {shape.Slices} slices.", nameof(sliceFactors));
        }

        for (int z = 0; z < shape.Slices; z++)
        {
            float factor = sliceFactors[z];
            int start = z * plane;
            for (int i = start; i < start + plane; i++)
            {
                suv[i] = (storedIsSigned ? stored[i] : (ushort)stored[i]) * factor;
            }
        }
    }

    public int LabelComponents(ReadOnlySpan<float> values, VolumeShape shape, float threshold, Span<int> labels)
    {
        KernelArguments.VoxelCount(values.Length, shape, nameof(values));
        KernelArguments.VoxelCount(labels.Length, shape, nameof(labels));
        int count = values.Length;
        int[] parent = new int[count];
        int cols = shape.Columns;
        int rows = shape.Rows;
        for (int z = 0; z < shape.Slices; z++)
        {
            for (int y = 0; y < rows; y++)
            {
                for (int x = 0; x < cols; x++)
                {
                    int i = shape.Index(x, y, z);
                    if (!(values[i] >= threshold))
                    {
                        parent[i] = -1;
                        continue;
                    }

                    parent[i] = i;
                    // The 13 neighbours that precede i in linear order.
                    for (int dz = -1; dz <= 0; dz++)
                    {
                        for (int dy = -1; dy <= 1; dy++)
                        {
                            for (int dx = -1; dx <= 1; dx++)
                            {
                                if (dz == 0 && (dy > 0 || (dy == 0 && dx >= 0)))
                                {
                                    continue;
                                }

                                int nx = x + dx, ny = y + dy, nz = z + dz;
                                if (nx < 0 || ny < 0 || nz < 0 || nx >= cols || ny >= rows)
                                {
                                    continue;
                                }

                                int j = shape.Index(nx, ny, nz);
                                if (parent[j] >= 0)
                                {
                                    Union(parent, i, j);
                                }
                            }
                        }
                    }
                }
            }
        }

        // Number the roots in order of their component's first (smallest) voxel.
        var numbers = new Dictionary<int, int>();
        for (int i = 0; i < count; i++)
        {
            if (parent[i] < 0)
            {
                labels[i] = 0;
                continue;
            }

            int root = Find(parent, i);
            if (!numbers.TryGetValue(root, out int label))
            {
                label = numbers.Count + 1;
                numbers.Add(root, label);
            }

            labels[i] = label;
        }

        return numbers.Count;
    }

    public LabelStatistics[] Statistics(ReadOnlySpan<float> values, ReadOnlySpan<int> labels, int labelCount)
    {
        if (values.Length != labels.Length)
        {
            throw new ArgumentException("Values and labels differ in length.", nameof(labels));
        }

        long[] counts = new long[labelCount];
        double[] sums = new double[labelCount];
        double[] squares = new double[labelCount];
        float[] maxima = new float[labelCount];
        int[] maxIndex = new int[labelCount];
        float[] minima = new float[labelCount];
        for (int i = 0; i < values.Length; i++)
        {
            int label = labels[i];
            if (label <= 0 || label > labelCount)
            {
                continue;
            }

            int k = label - 1;
            float v = values[i];
            if (counts[k] == 0)
            {
                maxima[k] = v;
                minima[k] = v;
                maxIndex[k] = i;
            }
            else
            {
                if (v > maxima[k])
                {
                    maxima[k] = v;
                    maxIndex[k] = i;
                }

                minima[k] = Math.Min(minima[k], v);
            }

            counts[k]++;
            sums[k] += v;
            squares[k] += (double)v * v;
        }

        var result = new LabelStatistics[labelCount];
        for (int k = 0; k < labelCount; k++)
        {
            result[k] = new LabelStatistics(counts[k], sums[k], squares[k], maxima[k], counts[k] == 0 ? -1 : maxIndex[k], minima[k]);
        }

        return result;
    }

    public void SphereStatistics(ReadOnlySpan<float> values, VolumeShape shape, double radiusMm, ReadOnlySpan<int> centres,
        Span<float> means, Span<float> standardDeviations)
    {
        int voxels = KernelArguments.VoxelCount(values.Length, shape, nameof(values));
        bool wantDeviations = KernelArguments.SphereOutputs(voxels, centres, means.Length, standardDeviations.Length);
        var offsets = SphereOffsets.Create(shape, radiusMm);
        for (int c = 0; c < centres.Length; c++)
        {
            (means[c], float sd) = SphereWalk.Statistics(values, shape, offsets, centres[c]);
            if (wantDeviations)
            {
                standardDeviations[c] = sd;
            }
        }
    }

    public (double Sum, long Count) ShellSum(ReadOnlySpan<float> values, ReadOnlySpan<byte> voi, ReadOnlySpan<byte> body,
        VolumeShape shape, double innerMm, double outerMm)
    {
        KernelArguments.VoxelCount(values.Length, shape, nameof(values));
        KernelArguments.VoxelCount(voi.Length, shape, nameof(voi));
        KernelArguments.VoxelCount(body.Length, shape, nameof(body));
        var offsets = SphereOffsets.Create(shape, outerMm);
        double inner2 = innerMm * innerMm;
        double sum = 0;
        long count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (voi[i] != 0 || body[i] == 0)
            {
                continue;
            }

            (int cx, int cy, int cz) = shape.Coordinates(i);
            if (SphereWalk.InShell(voi, shape, offsets, cx, cy, cz, inner2))
            {
                sum += values[i];
                count++;
            }
        }

        return (sum, count);
    }

    public void Dispose()
    {
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a);
        int rb = Find(parent, b);
        if (ra != rb)
        {
            // The smaller index becomes the root, so a root is its component's smallest voxel.
            if (ra < rb)
            {
                parent[rb] = ra;
            }
            else
            {
                parent[ra] = rb;
            }
        }
    }
}
