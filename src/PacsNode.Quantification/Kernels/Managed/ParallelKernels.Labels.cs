namespace PacsNode.Quantification.Kernels.Managed;

/// <summary>Component labelling: the ILGPU labeller's passes (LabelKernels) on the thread pool, with Interlocked unions.</summary>
internal sealed partial class ParallelKernels
{
    public int LabelComponents(ReadOnlySpan<float> values, VolumeShape shape, float threshold, Span<int> labels)
    {
        int count = KernelArguments.VoxelCount(values.Length, shape, nameof(values));
        KernelArguments.VoxelCount(labels.Length, shape, nameof(labels));
        float[] input = _buffers.Copy("values", values);
        int[] parent = _buffers.Get<int>("parent", count);
        int[] output = _buffers.Get<int>("labels", count);
        For(count, (start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                parent[i] = input[i] >= threshold ? i : -1;
            }
        });
        For(count, (start, end) => Unite(parent, shape, start, end));

        // Flatten and count the roots (a root is its component's smallest index, and flattening never moves it).
        int[] roots = new int[_chunking.MaxThreads];
        int chunks = For(count, reduction: true, (t, start, end) =>
        {
            int n = 0;
            for (int i = start; i < end; i++)
            {
                if (parent[i] >= 0)
                {
                    parent[i] = Find(parent, i);
                    n += parent[i] == i ? 1 : 0;
                }
            }

            roots[t] = n;
        });
        int components = 0;
        for (int t = 0; t < chunks; t++)
        {
            (roots[t], components) = (components, checked(components + roots[t]));
        }

        For(count, reduction: true, (t, start, end) =>
        {
            int label = roots[t];
            for (int i = start; i < end; i++)
            {
                if (parent[i] == i)
                {
                    output[i] = ++label;
                }
            }
        });
        For(count, (start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                int root = parent[i];
                output[i] = root < 0 ? 0 : output[root];
            }
        });
        output.AsSpan(0, count).CopyTo(labels);
        return components;
    }

    private static void Unite(int[] parent, VolumeShape shape, int start, int end)
    {
        int cols = shape.Columns, rows = shape.Rows;
        for (int i = start; i < end; i++)
        {
            if (parent[i] < 0)
            {
                continue;
            }

            (int x, int y, int z) = shape.Coordinates(i);
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

                        int j = nx + (cols * (ny + (rows * nz)));
                        if (parent[j] >= 0)
                        {
                            Union(parent, i, j);
                        }
                    }
                }
            }
        }
    }

    private static void Union(int[] parent, int a, int b)
    {
        while (true)
        {
            a = Find(parent, a);
            b = Find(parent, b);
            if (a == b)
            {
                return;
            }

            if (a > b)
            {
                (a, b) = (b, a);
            }

            int old = Interlocked.CompareExchange(ref parent[b], a, b);
            if (old == b)
            {
                return;
            }

            b = old;
        }
    }

    private static int Find(int[] parent, int i)
    {
        while (true)
        {
            int p = Volatile.Read(ref parent[i]);
            if (p == i)
            {
                return i;
            }

            int grand = Volatile.Read(ref parent[p]);
            if (grand != p)
            {
                parent[i] = grand;
            }

            i = grand;
        }
    }
}
