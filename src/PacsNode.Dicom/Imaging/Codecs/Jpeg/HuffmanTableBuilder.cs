namespace PacsNode.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// An optimal Huffman table for given symbol frequencies, by the procedure of T.81 annex K.2 (code sizes, then
/// limiting them to 16 bits, with one reserved code point so that no code is all 1-bits).
/// </summary>
internal static class HuffmanTableBuilder
{
    public static (byte[] Counts, byte[] Values) Build(ReadOnlySpan<long> frequencies)
    {
        long[] freq = new long[257];
        frequencies.CopyTo(freq);
        freq[256] = 1;
        int[] codeSize = new int[257];
        int[] others = Enumerable.Repeat(-1, 257).ToArray();
        while (true)
        {
            int v1 = Least(freq, -1);
            int v2 = Least(freq, v1);
            if (v2 < 0)
            {
                break;
            }

            freq[v1] += freq[v2];
            freq[v2] = 0;
            codeSize[v1]++;
            while (others[v1] >= 0)
            {
                v1 = others[v1];
                codeSize[v1]++;
            }

            others[v1] = v2;
            codeSize[v2]++;
            while (others[v2] >= 0)
            {
                v2 = others[v2];
                codeSize[v2]++;
            }
        }

        int[] bits = new int[33];
        for (int i = 0; i < 257; i++)
        {
            if (codeSize[i] > 0)
            {
                bits[codeSize[i]]++;
            }
        }

        for (int i = 32; i > 16; i--)
        {
            while (bits[i] > 0)
            {
                int j = i - 2;
                while (bits[j] == 0)
                {
                    j--;
                }

                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }

        int last = 16;
        while (bits[last] == 0)
        {
            last--;
        }

        bits[last]--;
        var values = new List<byte>();
        for (int size = 1; size <= 32; size++)
        {
            for (int symbol = 0; symbol < 256; symbol++)
            {
                if (codeSize[symbol] == size)
                {
                    values.Add((byte)symbol);
                }
            }
        }

        return (bits[1..17].Select(b => (byte)b).ToArray(), [.. values]);
    }

    /// <summary>Canonical codes (T.81 C.2) for a table: code and length per symbol value.</summary>
    public static (int[] Codes, int[] Lengths) Codes(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values)
    {
        int[] codes = new int[256];
        int[] lengths = new int[256];
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++)
        {
            for (int n = 0; n < counts[length - 1]; n++)
            {
                codes[values[k]] = code++;
                lengths[values[k]] = length;
                k++;
            }

            code <<= 1;
        }

        return (codes, lengths);
    }

    /// <summary>The symbol with the smallest non-zero frequency other than <paramref name="except"/>; ties go to the largest value.</summary>
    private static int Least(long[] freq, int except)
    {
        int best = -1;
        for (int i = 0; i < freq.Length; i++)
        {
            if (i != except && freq[i] > 0 && (best < 0 || freq[i] <= freq[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
