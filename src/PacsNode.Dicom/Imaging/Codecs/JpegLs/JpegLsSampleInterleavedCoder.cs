namespace PacsNode.Dicom.Imaging.Codecs.JpegLs;

/// <summary>
/// A sample-interleaved JPEG-LS scan (interleave mode 2, T.87 annex B.3): pixel by pixel, every component in turn.
/// Each component's sample is coded in its own regular context (context 0 included) unless all components' local
/// gradients are within NEAR; then run mode covers whole pixels, and the interruption pixel codes each component
/// against Rb in run-interruption context 0, as CharLS (inside DCMTK) does.
/// </summary>
internal static class JpegLsSampleInterleavedCoder
{
    public static void Decode(ref JpegLsBitReader reader, JpegLsContexts ctx, int width, int height, int[][] planes)
    {
        int components = planes.Length;
        int[][] previous = JpegLsScanCoder.Lines(components, width);
        int[][] current = JpegLsScanCoder.Lines(components, width);
        int[] q = new int[components];
        int[] sign = new int[components];
        int[] px = new int[components];
        for (int y = 0; y < height; y++)
        {
            Edges(previous, current, width);
            int x = 1;
            while (x <= width)
            {
                if (Contexts(ctx, previous, current, x, q, sign, px))
                {
                    for (int c = 0; c < components; c++)
                    {
                        current[c][x] = JpegLsScanCoder.DecodeRegular(ref reader, ctx, q[c], sign[c], px[c]);
                    }

                    x++;
                    continue;
                }

                int left = width - x + 1;
                int run = JpegLsScanCoder.DecodeRunLength(ref reader, ctx, left);
                for (int c = 0; c < components; c++)
                {
                    current[c].AsSpan(x, run).Fill(current[c][x - 1]);
                }

                x += run;
                if (run == left)
                {
                    break;
                }

                for (int c = 0; c < components; c++)
                {
                    current[c][x] = JpegLsScanCoder.DecodeInterruption(ref reader, ctx, current[c][x - 1], previous[c][x], 0);
                }

                ctx.RunIndex = Math.Max(0, ctx.RunIndex - 1);
                x++;
            }

            for (int c = 0; c < components; c++)
            {
                current[c].AsSpan(1, width).CopyTo(planes[c].AsSpan(y * width, width));
                (previous[c], current[c]) = (current[c], previous[c]);
            }
        }
    }

    public static void Encode(JpegLsBitWriter writer, JpegLsContexts ctx, int width, int height, int[][] planes)
    {
        int components = planes.Length;
        int[][] previous = JpegLsScanCoder.Lines(components, width);
        int[][] current = JpegLsScanCoder.Lines(components, width);
        int[] q = new int[components];
        int[] sign = new int[components];
        int[] px = new int[components];
        for (int y = 0; y < height; y++)
        {
            for (int c = 0; c < components; c++)
            {
                planes[c].AsSpan(y * width, width).CopyTo(current[c].AsSpan(1));
            }

            Edges(previous, current, width);
            int x = 1;
            while (x <= width)
            {
                if (Contexts(ctx, previous, current, x, q, sign, px))
                {
                    for (int c = 0; c < components; c++)
                    {
                        JpegLsScanCoder.EncodeRegular(writer, ctx, q[c], sign[c], px[c], current[c][x]);
                    }

                    x++;
                    continue;
                }

                int left = width - x + 1;
                int run = 0;
                while (run < left && SameAsLeft(current, x + run))
                {
                    run++;
                }

                JpegLsScanCoder.EncodeRunLength(writer, ctx, run, run == left);
                x += run;
                if (run == left)
                {
                    break;
                }

                for (int c = 0; c < components; c++)
                {
                    JpegLsScanCoder.EncodeInterruption(writer, ctx, current[c][x - 1], previous[c][x], 0, current[c][x]);
                }

                ctx.RunIndex = Math.Max(0, ctx.RunIndex - 1);
                x++;
            }

            for (int c = 0; c < components; c++)
            {
                (previous[c], current[c]) = (current[c], previous[c]);
            }
        }
    }

    private static void Edges(int[][] previous, int[][] current, int width)
    {
        for (int c = 0; c < previous.Length; c++)
        {
            current[c][0] = previous[c][1];
            previous[c][width + 1] = previous[c][width];
        }
    }

    /// <summary>Every component's context; false when all are 0, i.e. the pixel starts run mode.</summary>
    private static bool Contexts(JpegLsContexts ctx, int[][] previous, int[][] current, int x, int[] q, int[] sign, int[] px)
    {
        bool regular = false;
        for (int c = 0; c < q.Length; c++)
        {
            int[] above = previous[c];
            q[c] = JpegLsScanCoder.Context(ctx, current[c][x - 1], above[x], above[x - 1], above[x + 1], out sign[c], out px[c]);
            regular |= q[c] != 0;
        }

        return regular;
    }

    /// <summary>True when every component of the pixel at <paramref name="x"/> equals the one to its left (lossless run).</summary>
    private static bool SameAsLeft(int[][] current, int x)
    {
        foreach (int[] line in current)
        {
            if (line[x] != line[x - 1])
            {
                return false;
            }
        }

        return true;
    }
}
