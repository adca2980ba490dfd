namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// Decodes one tile into the image planes: builds its tile-components (B.3), reads its packets in progression order
/// (tier-2), decodes each code-block (tier-1), inverts the wavelet per component, then the component transform (RCT or
/// ICT, Annex G) and the DC level shift (G.1.2), clipping to each component's precision.
/// </summary>
internal static class TileDecoder
{
    /// <summary>Decodes <paramref name="tile"/> into <paramref name="planes"/>; <paramref name="packetRead"/>, if given, is told each
    /// packet's header start, header end and data end in the tile's data (tests use it to repack headers).</summary>
    public static void Decode(J2kCodestream codestream, J2kTile tile, int[][] planes, CodeBlockDecoder tier1,
        Action<int, int, int>? packetRead = null)
    {
        SizMarker siz = codestream.Siz;
        int p = tile.Index % siz.TilesWide;
        int q = tile.Index / siz.TilesWide;
        int tx0 = (int)Math.Max(siz.TileX0 + ((long)p * siz.TileWidth), siz.X0);
        int ty0 = (int)Math.Max(siz.TileY0 + ((long)q * siz.TileHeight), siz.Y0);
        int tx1 = (int)Math.Min(siz.TileX0 + ((long)(p + 1) * siz.TileWidth), siz.Width);
        int ty1 = (int)Math.Min(siz.TileY0 + ((long)(q + 1) * siz.TileHeight), siz.Height);
        CodingStyle coding = codestream.CodingFor(tile);
        var components = new TileComponent[siz.Components];
        for (int c = 0; c < components.Length; c++)
        {
            components[c] = new TileComponent(tx0, ty0, tx1, ty1, codestream.ComponentCodingFor(tile, c),
                codestream.QuantizationFor(tile, c), siz.Precision[c], codestream.RoiShiftFor(tile, c));
        }

        var packets = new PacketDecoder(tile, coding, packetRead);
        foreach ((int c, int r, int precinct, int layer) in ProgressionIterator.Packets(
                     components, coding.Layers, coding.Progression, codestream.ProgressionChangesFor(tile)))
        {
            packets.Decode(components[c].Resolutions[r].Precincts[precinct], layer, components[c].Style);
        }

        foreach (TileComponent component in components)
        {
            foreach (ResolutionLevel resolution in component.Resolutions)
            {
                foreach (Precinct precinct in resolution.Precincts)
                {
                    for (int b = 0; b < precinct.Bands.Length; b++)
                    {
                        foreach (CodeBlock block in precinct.Bands[b].Blocks)
                        {
                            if (block.Passes > 0)
                            {
                                tier1.Decode(block, resolution.Bands[b], component.RoiShift, component.Style);
                            }
                        }
                    }
                }
            }
        }

        bool transform = coding.MultipleComponentTransform;
        if (transform && (components.Length < 3 || components[0].Style.Reversible != components[1].Style.Reversible ||
                          components[0].Style.Reversible != components[2].Style.Reversible))
        {
            throw J2kError.Corrupt("the component transform needs three components coded with the same wavelet.");
        }

        var samples = new float[components.Length][];
        var integers = new int[components.Length][];
        for (int c = 0; c < components.Length; c++)
        {
            if (components[c].Style.Reversible)
            {
                integers[c] = InverseDwt53.Transform(components[c]);
            }
            else
            {
                samples[c] = InverseDwt97.Transform(components[c]);
            }
        }

        if (transform && components[0].Style.Reversible)
        {
            ComponentTransform.InverseRct(integers[0], integers[1], integers[2]);
        }
        else if (transform)
        {
            ComponentTransform.InverseIct(samples[0], samples[1], samples[2]);
        }

        int imageWidth = siz.Width - siz.X0;
        int width = tx1 - tx0;
        for (int c = 0; c < components.Length; c++)
        {
            int precision = siz.Precision[c];
            int min = siz.Signed[c] ? -(1 << (precision - 1)) : 0;
            int max = siz.Signed[c] ? (1 << (precision - 1)) - 1 : (1 << precision) - 1;
            int shift = siz.Signed[c] ? 0 : 1 << (precision - 1);
            int[] plane = planes[c];
            for (int y = ty0; y < ty1; y++)
            {
                int from = (y - ty0) * width;
                int to = ((y - siz.Y0) * imageWidth) + tx0 - siz.X0;
                for (int x = 0; x < width; x++)
                {
                    int value = integers[c] is { } ints ? ints[from + x] : (int)MathF.Round(samples[c][from + x]);
                    plane[to + x] = Math.Clamp(value + shift, min, max);
                }
            }
        }
    }
}
