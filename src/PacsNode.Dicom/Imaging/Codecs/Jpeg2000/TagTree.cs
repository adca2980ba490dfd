namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// A tag tree (T.800 B.10.2): a quad-tree of minima over a grid of code-blocks, decoded bit by bit against rising
/// thresholds; used for code-block inclusion and for the number of missing most significant bit-planes.
/// </summary>
internal sealed class TagTree
{
    private const int Unknown = int.MaxValue;
    private readonly int[] _value;
    private readonly int[] _low;
    private readonly int[] _parent;
    private readonly int[] _path;

    public TagTree(int width, int height)
    {
        var levelWidths = new List<(int Width, int Height)> { (width, height) };
        while (levelWidths[^1].Width > 1 || levelWidths[^1].Height > 1)
        {
            (int w, int h) = levelWidths[^1];
            levelWidths.Add(((w + 1) / 2, (h + 1) / 2));
        }

        int total = levelWidths.Sum(l => l.Width * l.Height);
        _value = new int[total];
        _low = new int[total];
        _parent = new int[total];
        _path = new int[levelWidths.Count];
        Array.Fill(_value, Unknown);
        int start = 0;
        for (int level = 0; level < levelWidths.Count; level++)
        {
            (int w, int h) = levelWidths[level];
            int next = start + (w * h);
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    _parent[start + (y * w) + x] = level + 1 < levelWidths.Count
                        ? next + ((y / 2) * levelWidths[level + 1].Width) + (x / 2)
                        : -1;
                }
            }

            start = next;
        }
    }

    /// <summary>Decodes towards leaf <paramref name="leaf"/>'s value; true when it is below <paramref name="threshold"/>.</summary>
    public bool Decode(ref PacketHeaderReader reader, int leaf, int threshold)
    {
        int depth = 0;
        for (int node = leaf; node >= 0; node = _parent[node])
        {
            _path[depth++] = node;
        }

        int low = 0;
        for (int i = depth - 1; i >= 0; i--)
        {
            int node = _path[i];
            if (low > _low[node])
            {
                _low[node] = low;
            }
            else
            {
                low = _low[node];
            }

            while (low < threshold && low < _value[node])
            {
                if (reader.ReadBit() != 0)
                {
                    _value[node] = low;
                }
                else
                {
                    low++;
                }
            }

            _low[node] = low;
        }

        return _value[leaf] < threshold;
    }

    /// <summary>Decodes the leaf's full value (the threshold rises until it is known), up to <paramref name="limit"/>.</summary>
    public int DecodeValue(ref PacketHeaderReader reader, int leaf, int limit)
    {
        int threshold = 1;
        while (!Decode(ref reader, leaf, threshold))
        {
            if (++threshold > limit)
            {
                throw J2kError.Corrupt($"a tag tree value above {limit}.");
            }
        }

        return _value[leaf];
    }
}
