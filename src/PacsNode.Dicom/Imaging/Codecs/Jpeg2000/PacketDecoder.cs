namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// Tier-2 (T.800 B.9, B.10): reads one packet's header (empty flag, tag-tree inclusion, missing bit-planes, pass count
/// codewords, Lblock and segment lengths), optional SOP and EPH markers, then gives each code-block its bytes. Headers
/// come from the packet data, or from PPM/PPT when the codestream packs them. Every length is checked against what is left.
/// </summary>
internal sealed class PacketDecoder(J2kTile tile, CodingStyle coding, Action<int, int, int>? packetRead = null)
{
    private readonly List<(CodeBlock Block, int Length)> _contributions = [];
    private int _bodyAt;
    private int _headerAt;

    public void Decode(Precinct precinct, int layer, ComponentCodingStyle style)
    {
        ReadOnlySpan<byte> body = tile.Body.WrittenSpan;
        if (coding.StartOfPacketMarkers && _bodyAt + 6 <= body.Length && body[_bodyAt] == 0xFF && body[_bodyAt + 1] == 0x91)
        {
            _bodyAt += 6;
        }

        int headerStart = _bodyAt;
        bool packed = tile.PackedHeaders is not null;
        ReadOnlySpan<byte> headers = packed ? tile.PackedHeaders!.WrittenSpan : body;
        var reader = new PacketHeaderReader(headers, packed ? _headerAt : _bodyAt);
        _contributions.Clear();
        if (reader.ReadBit() != 0)
        {
            foreach (PrecinctBand band in precinct.Bands)
            {
                for (int k = 0; k < band.Blocks.Length; k++)
                {
                    ReadBlockHeader(ref reader, band, k, layer, style);
                }
            }
        }

        reader.Align();
        int at = reader.Position;
        if (coding.EndOfPacketHeaderMarkers && at + 2 <= headers.Length && headers[at] == 0xFF && headers[at + 1] == 0x92)
        {
            at += 2;
        }

        if (packed)
        {
            _headerAt = at;
        }
        else
        {
            _bodyAt = at;
        }

        int headerEnd = _bodyAt;

        foreach ((CodeBlock block, int length) in _contributions)
        {
            if (length > body.Length - _bodyAt)
            {
                throw J2kError.Corrupt($"a packet claims {length} bytes of code-block data; {body.Length - _bodyAt} remain in the tile.");
            }

            block.Append(body.Slice(_bodyAt, length));
            _bodyAt += length;
        }

        precinct.NextLayer = layer + 1;
        packetRead?.Invoke(headerStart, headerEnd, _bodyAt);
    }

    private void ReadBlockHeader(ref PacketHeaderReader reader, PrecinctBand band, int k, int layer, ComponentCodingStyle style)
    {
        CodeBlock block = band.Blocks[k];
        bool included = block.Included ? reader.ReadBit() != 0 : band.Inclusion.Decode(ref reader, k, layer + 1);
        if (!included)
        {
            return;
        }

        if (!block.Included)
        {
            block.ZeroBitplanes = band.ZeroBitplanes.DecodeValue(ref reader, k, 64);
            block.Included = true;
        }

        int passes = ReadPassCount(ref reader);
        while (reader.ReadBit() != 0)
        {
            if (++block.LengthBits > 32)
            {
                throw J2kError.Corrupt("a code-block's Lblock grows past 32.");
            }
        }

        if (block.Passes + passes > 200)
        {
            throw J2kError.Corrupt("a code-block with more than 200 coding passes.");
        }

        while (passes > 0)
        {
            int pass = block.Passes;
            int segmentStart = pass;
            bool open = false;
            if (block.Segments.Count > 0)
            {
                (int lastPasses, _) = block.Segments[^1];
                int lastStart = pass - lastPasses;
                if (pass < SegmentEnd(lastStart, style))
                {
                    open = true;
                    segmentStart = lastStart;
                }
            }

            int take = Math.Min(passes, SegmentEnd(segmentStart, style) - pass);
            int bits = block.LengthBits + J2kMath.FloorLog2(take);
            if (bits > 31)
            {
                throw J2kError.Corrupt($"a {bits}-bit codeword segment length.");
            }

            int length = reader.ReadBits(bits);
            if (open)
            {
                (int p, int l) = block.Segments[^1];
                block.Segments[^1] = (p + take, l + length);
            }
            else
            {
                block.Segments.Add((take, length));
            }

            _contributions.Add((block, length));
            block.Passes += take;
            passes -= take;
        }
    }

    /// <summary>The pass after the last one of the codeword segment that starts at <paramref name="start"/> (D.4, Table D.9).</summary>
    private static int SegmentEnd(int start, ComponentCodingStyle style)
    {
        if (style.Has(ComponentCodingStyle.TerminateAll))
        {
            return start + 1;
        }

        if (!style.Has(ComponentCodingStyle.Bypass))
        {
            return int.MaxValue;
        }

        return start < 10 ? 10 : ((start - 10) % 3) switch { 0 => start + 2, _ => start + 1 };
    }

    /// <summary>Table B.4's codewords for the number of coding passes.</summary>
    private static int ReadPassCount(ref PacketHeaderReader reader)
    {
        if (reader.ReadBit() == 0)
        {
            return 1;
        }

        if (reader.ReadBit() == 0)
        {
            return 2;
        }

        int two = reader.ReadBits(2);
        if (two != 3)
        {
            return 3 + two;
        }

        int five = reader.ReadBits(5);
        return five != 31 ? 6 + five : 37 + reader.ReadBits(7);
    }
}
