namespace PacsNode.Quantification.Vois;

/// <summary>
/// Closed planar contours of one ROI on one slice to voxels, by the even-odd rule on voxel centres (PS3.3 C.8.8.6.3:
/// contours inside contours are holes): a voxel is in when the horizontal ray from its centre towards −x crosses the
/// ROI's contours an odd number of times. Edges are half-open in y (a vertex on the ray counts once), and a crossing
/// exactly at a centre's x counts for the voxels after it, so the rule is deterministic on boundaries.
/// </summary>
internal static class ContourRasteriser
{
    /// <summary>The (x, y) voxels inside; polygons are in fractional voxel coordinates (column, row).</summary>
    public static List<(int X, int Y)> Fill(IReadOnlyList<(double X, double Y)[]> polygons, int columns, int rows)
    {
        var inside = new List<(int, int)>();
        if (polygons.Count == 0)
        {
            return inside;
        }

        double minY = polygons.Min(p => p.Min(v => v.Y));
        double maxY = polygons.Max(p => p.Max(v => v.Y));
        int y0 = Math.Max(0, (int)Math.Ceiling(minY));
        int y1 = Math.Min(rows - 1, (int)Math.Floor(maxY));
        var crossings = new List<double>();
        for (int y = y0; y <= y1; y++)
        {
            crossings.Clear();
            foreach ((double X, double Y)[] polygon in polygons)
            {
                for (int i = 0; i < polygon.Length; i++)
                {
                    (double ax, double ay) = polygon[i];
                    (double bx, double by) = polygon[(i + 1) % polygon.Length];
                    if ((ay <= y) != (by <= y))
                    {
                        crossings.Add(ax + ((y - ay) * (bx - ax) / (by - ay)));
                    }
                }
            }

            crossings.Sort();
            for (int k = 0; k + 1 < crossings.Count; k += 2)
            {
                // Centres x with crossings[k] < x ≤ crossings[k + 1] have an odd count of crossings below them.
                int from = Math.Max(0, (int)Math.Floor(crossings[k]) + 1);
                int to = Math.Min(columns - 1, (int)Math.Floor(crossings[k + 1]));
                for (int x = from; x <= to; x++)
                {
                    inside.Add((x, y));
                }
            }
        }

        return inside;
    }
}
