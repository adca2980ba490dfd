using ILGPU;

namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>
/// 26-connected component labelling by a lock-free union-find (Playne and Hawick's scheme): every foreground voxel
/// unites with its 13 neighbours that precede it in linear order, always hanging the larger root under the smaller
/// one with a compare-and-swap, so each component's root ends as its smallest linear index. A flatten pass points every
/// voxel at its root; roots are counted per chunk, the host turns the counts into offsets, and each root takes its rank
/// (1-based, ascending index), which is the canonical label of <see cref="IVolumeKernels.LabelComponents"/>.
/// parent[i] = -1 marks background. Parents always point to smaller indices, so the forest has no cycles, and a voxel
/// that is not a root never becomes one again; the plain writes of path halving can therefore only ever store another
/// ancestor, and only roots are compare-and-swapped.
/// </summary>
internal static class LabelKernels
{
    internal static void Initialise(Index1D thread, ArrayView<float> values, ArrayView<int> parent, float threshold,
        int chunk, int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        for (int i = start; i < end; i++)
        {
            parent[i] = values[i] >= threshold ? i : -1;
        }
    }

    internal static void Unite(Index1D thread, ArrayView<int> parent, GridSize grid, int chunk, int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        int plane = grid.Columns * grid.Rows;
        for (int i = start; i < end; i++)
        {
            if (parent[i] < 0)
            {
                continue;
            }

            int z = i / plane;
            int rest = i - (z * plane);
            int y = rest / grid.Columns;
            int x = rest - (y * grid.Columns);
            for (int dz = -1; dz <= 0; dz++)
            {
                int nz = z + dz;
                if (nz < 0)
                {
                    continue;
                }

                for (int dy = -1; dy <= 1; dy++)
                {
                    int ny = y + dy;
                    if (ny < 0 || ny >= grid.Rows || (dz == 0 && dy > 0))
                    {
                        continue;
                    }

                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx;
                        if (nx < 0 || nx >= grid.Columns || (dz == 0 && dy == 0 && dx >= 0))
                        {
                            continue;
                        }

                        int j = nx + (grid.Columns * (ny + (grid.Rows * nz)));
                        if (parent[j] >= 0)
                        {
                            Union(parent, i, j);
                        }
                    }
                }
            }
        }
    }

    internal static void Flatten(Index1D thread, ArrayView<int> parent, int chunk, int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        for (int i = start; i < end; i++)
        {
            if (parent[i] >= 0)
            {
                parent[i] = Find(parent, i);
            }
        }
    }

    internal static void CountRoots(Index1D thread, ArrayView<int> parent, ArrayView<int> roots, int chunk, int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        int n = 0;
        for (int i = start; i < end; i++)
        {
            if (parent[i] == i)
            {
                n++;
            }
        }

        roots[thread] = n;
    }

    /// <summary>Each root's label is the number of roots before it plus one; <paramref name="bases"/> holds the roots before each chunk.</summary>
    internal static void NumberRoots(Index1D thread, ArrayView<int> parent, ArrayView<int> bases, ArrayView<int> labels,
        int chunk, int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        int label = bases[thread];
        for (int i = start; i < end; i++)
        {
            if (parent[i] == i)
            {
                label++;
                labels[i] = label;
            }
        }
    }

    /// <summary>Background gets 0, every other non-root its root's label (roots were numbered by the previous launch).</summary>
    internal static void Assign(Index1D thread, ArrayView<int> parent, ArrayView<int> labels, int chunk, int count)
    {
        int start = thread.X * chunk;
        int end = Math.Min(start + chunk, count);
        for (int i = start; i < end; i++)
        {
            int root = parent[i];
            if (root < 0)
            {
                labels[i] = 0;
            }
            else if (root != i)
            {
                labels[i] = labels[root];
            }
        }
    }

    private static void Union(ArrayView<int> parent, int a, int b)
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

            // Hang root b under the smaller root a (ILGPU argument order: target, expected, new value). If another
            // thread hung b first, continue from b's new parent, which the atomic returns (always a smaller index, so
            // the loop ends even when a GPU's incoherent L1 cache hands Find a stale parent).
            int old = Atomic.CompareExchange(ref parent[b], b, a);
            if (old == b)
            {
                return;
            }

            b = old;
        }
    }

    private static int Find(ArrayView<int> parent, int i)
    {
        while (true)
        {
            int p = parent[i];
            if (p == i)
            {
                return i;
            }

            int grand = parent[p];
            if (grand != p)
            {
                parent[i] = grand;
            }

            i = grand;
        }
    }
}
