namespace PacsNode.Dicom.Imaging.Codecs;

/// <summary>The byte-oriented run-length scheme of PS3.5 G.3 (Apple PackBits).</summary>
internal static class PackBits
{
    private const int MaxRun = 128;

    /// <summary>Decodes until <paramref name="output"/> is full or the input ends; returns the bytes written.</summary>
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int i = 0;
        int o = 0;
        while (i < input.Length && o < output.Length)
        {
            sbyte header = unchecked((sbyte)input[i++]);
            if (header >= 0)
            {
                int count = header + 1;
                if (i + count > input.Length || o + count > output.Length)
                {
                    throw new DicomCodecException(
                        $"RLE: a literal run of {count} bytes at segment offset {i - 1} runs past the end of the segment or plane.");
                }

                input.Slice(i, count).CopyTo(output[o..]);
                i += count;
                o += count;
            }
            else if (header != -128)
            {
                int count = 1 - header;
                if (i >= input.Length || o + count > output.Length)
                {
                    throw new DicomCodecException(
                        $"RLE: a replicate run of {count} bytes at segment offset {i - 1} runs past the end of the segment or plane.");
                }

                output.Slice(o, count).Fill(input[i++]);
                o += count;
            }
        }

        return o;
    }

    /// <summary>Encodes one row: replicate runs of two or more bytes, literal runs otherwise, each at most 128.</summary>
    public static void Encode(ReadOnlySpan<byte> row, List<byte> output)
    {
        int i = 0;
        while (i < row.Length)
        {
            int run = 1;
            while (i + run < row.Length && run < MaxRun && row[i + run] == row[i])
            {
                run++;
            }

            if (run >= 2)
            {
                output.Add(unchecked((byte)(sbyte)(1 - run)));
                output.Add(row[i]);
                i += run;
                continue;
            }

            int start = i;
            while (i < row.Length && i - start < MaxRun)
            {
                if (i + 1 < row.Length && row[i] == row[i + 1])
                {
                    break;
                }

                i++;
            }

            output.Add((byte)(i - start - 1));
            for (int k = start; k < i; k++)
            {
                output.Add(row[k]);
            }
        }
    }
}
