namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// The packet order of a tile (T.800 B.12): the five progressions, each within one progression volume of POC or the
/// whole tile. Position-driven orders visit each precinct at the reference-grid point where B.12.1.3's stepping first
/// reaches it (its top-left corner, or the tile's for a precinct that starts before the tile). A packet is produced only
/// when it is its precinct's next layer, so volumes that overlap never repeat one.
/// </summary>
internal static class ProgressionIterator
{
    private const long MaxPacketSlots = 200_000_000;

    public static IEnumerable<(int Component, int Resolution, int Precinct, int Layer)> Packets(
        TileComponent[] components, int layers, ProgressionOrder order, IReadOnlyList<ProgressionChange> changes)
    {
        int maxResolutions = components.Max(c => c.Resolutions.Length);
        IEnumerable<ProgressionChange> volumes = changes.Count > 0
            ? changes
            : [new ProgressionChange(0, 0, layers, maxResolutions, components.Length, order)];
        long slots = 0;
        foreach (ProgressionChange v in volumes)
        {
            int rEnd = Math.Min(v.ResolutionEnd, maxResolutions);
            int cEnd = Math.Min(v.ComponentEnd, components.Length);
            int lEnd = Math.Min(v.LayerEnd, layers);

            // Each packet read consumes data, but a volume that repeats packets already read only loops: bound the loops.
            for (int c = v.ComponentStart; c < cEnd; c++)
            {
                for (int r = v.ResolutionStart; r < Math.Min(rEnd, components[c].Resolutions.Length); r++)
                {
                    slots += (long)Math.Max(1, lEnd) * Math.Max(1, components[c].Resolutions[r].Precincts.Length);
                }
            }

            if (slots > MaxPacketSlots)
            {
                throw J2kError.Corrupt($"the progression volumes visit more than {MaxPacketSlots} packet positions.");
            }
            IEnumerable<(int, int, int, int)> packets = v.Order switch
            {
                ProgressionOrder.LayerResolutionComponentPosition => LayerFirst(components, v, rEnd, cEnd, lEnd),
                ProgressionOrder.ResolutionLayerComponentPosition => ResolutionLayer(components, v, rEnd, cEnd, lEnd),
                _ => PositionDriven(components, v, rEnd, cEnd, lEnd),
            };
            foreach ((int, int, int, int) packet in packets)
            {
                yield return packet;
            }
        }
    }

    private static IEnumerable<(int, int, int, int)> LayerFirst(TileComponent[] components, ProgressionChange v, int rEnd, int cEnd, int lEnd)
    {
        for (int l = 0; l < lEnd; l++)
        {
            for (int r = v.ResolutionStart; r < rEnd; r++)
            {
                foreach ((int, int, int, int) packet in ComponentsAndPrecincts(components, v, r, cEnd, l))
                {
                    yield return packet;
                }
            }
        }
    }

    private static IEnumerable<(int, int, int, int)> ResolutionLayer(TileComponent[] components, ProgressionChange v, int rEnd, int cEnd, int lEnd)
    {
        for (int r = v.ResolutionStart; r < rEnd; r++)
        {
            for (int l = 0; l < lEnd; l++)
            {
                foreach ((int, int, int, int) packet in ComponentsAndPrecincts(components, v, r, cEnd, l))
                {
                    yield return packet;
                }
            }
        }
    }

    private static IEnumerable<(int, int, int, int)> ComponentsAndPrecincts(TileComponent[] components, ProgressionChange v, int r, int cEnd, int l)
    {
        for (int c = v.ComponentStart; c < cEnd; c++)
        {
            if (r >= components[c].Resolutions.Length)
            {
                continue;
            }

            Precinct[] precincts = components[c].Resolutions[r].Precincts;
            for (int p = 0; p < precincts.Length; p++)
            {
                if (precincts[p].NextLayer == l)
                {
                    yield return (c, r, p, l);
                }
            }
        }
    }

    private static IEnumerable<(int, int, int, int)> PositionDriven(TileComponent[] components, ProgressionChange v, int rEnd, int cEnd, int lEnd)
    {
        var visits = new List<(long Y, long X, int C, int R, int P)>();
        for (int c = v.ComponentStart; c < cEnd; c++)
        {
            TileComponent component = components[c];
            int levels = component.Resolutions.Length - 1;
            for (int r = v.ResolutionStart; r < Math.Min(rEnd, component.Resolutions.Length); r++)
            {
                ResolutionLevel resolution = component.Resolutions[r];
                int shift = levels - r;
                for (int p = 0; p < resolution.Precincts.Length; p++)
                {
                    long px = ((long)(resolution.X0 >> resolution.PrecinctWidthExponent) + (p % resolution.PrecinctsWide)) << resolution.PrecinctWidthExponent;
                    long py = ((long)(resolution.Y0 >> resolution.PrecinctHeightExponent) + (p / resolution.PrecinctsWide)) << resolution.PrecinctHeightExponent;
                    visits.Add((Math.Max(py << shift, component.Y0), Math.Max(px << shift, component.X0), c, r, p));
                }
            }
        }

        Comparison<(long Y, long X, int C, int R, int P)> compare = v.Order switch
        {
            ProgressionOrder.ResolutionPositionComponentLayer => (a, b) =>
                (a.R, a.Y, a.X, a.C).CompareTo((b.R, b.Y, b.X, b.C)),
            ProgressionOrder.PositionComponentResolutionLayer => (a, b) =>
                (a.Y, a.X, a.C, a.R).CompareTo((b.Y, b.X, b.C, b.R)),
            _ => (a, b) => (a.C, a.Y, a.X, a.R).CompareTo((b.C, b.Y, b.X, b.R)),
        };
        visits.Sort(compare);
        foreach ((_, _, int c, int r, int p) in visits)
        {
            Precinct precinct = components[c].Resolutions[r].Precincts[p];
            for (int l = 0; l < lEnd; l++)
            {
                if (precinct.NextLayer == l)
                {
                    yield return (c, r, p, l);
                }
            }
        }
    }
}
