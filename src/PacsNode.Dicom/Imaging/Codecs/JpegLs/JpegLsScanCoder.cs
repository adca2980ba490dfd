namespace PacsNode.Dicom.Imaging.Codecs.JpegLs;

/// <summary>
/// Decodes and encodes the samples of a JPEG-LS scan one line of one component at a time (T.87 annex A): regular
/// mode with context modelling and bias correction, run mode with run-interruption samples. A scan of one component
/// (interleave mode 0) or of several components line by line (mode 1: the components share the context state but
/// each keeps its own run index and previous line, as in CharLS, which DCMTK uses). Lines carry one guard sample on
/// each side so that the edge rules of A.2.1 fall out of plain indexing. Sample interleaving (mode 2) is in
/// <see cref="JpegLsSampleInterleavedCoder"/>.
/// </summary>
internal static class JpegLsScanCoder
{
    /// <summary>Decodes the scan's components (one plane of width × height each, in scan order).</summary>
    public static void Decode(ref JpegLsBitReader reader, JpegLsContexts ctx, int width, int height, int[][] planes)
    {
        int components = planes.Length;
        int[][] previous = Lines(components, width);
        int[][] current = Lines(components, width);
        int[] runIndex = new int[components];
        for (int y = 0; y < height; y++)
        {
            for (int c = 0; c < components; c++)
            {
                ctx.RunIndex = runIndex[c];
                DecodeLine(ref reader, ctx, previous[c], current[c], width);
                runIndex[c] = ctx.RunIndex;
                current[c].AsSpan(1, width).CopyTo(planes[c].AsSpan(y * width, width));
                (previous[c], current[c]) = (current[c], previous[c]);
            }
        }
    }

    /// <summary>Encodes the scan's components losslessly, with the layout <see cref="Decode"/> reads.</summary>
    public static void Encode(JpegLsBitWriter writer, JpegLsContexts ctx, int width, int height, int[][] planes)
    {
        int components = planes.Length;
        int[][] previous = Lines(components, width);
        int[][] current = Lines(components, width);
        int[] runIndex = new int[components];
        for (int y = 0; y < height; y++)
        {
            for (int c = 0; c < components; c++)
            {
                ctx.RunIndex = runIndex[c];
                planes[c].AsSpan(y * width, width).CopyTo(current[c].AsSpan(1));
                EncodeLine(writer, ctx, previous[c], current[c], width);
                runIndex[c] = ctx.RunIndex;
                (previous[c], current[c]) = (current[c], previous[c]);
            }
        }
    }

    internal static int[][] Lines(int components, int width) =>
        Enumerable.Range(0, components).Select(_ => new int[width + 2]).ToArray();

    /// <summary>
    /// The regular-mode context of a sample (A.3, A.4): the context index (0 when every local gradient is within
    /// NEAR, which calls for run mode in a single-component line), the sign that normalised it and the edge-detecting
    /// prediction, which the coder corrects with the context's bias just before coding (in a sample-interleaved
    /// pixel an earlier component may have updated the same context).
    /// </summary>
    internal static int Context(JpegLsContexts ctx, int ra, int rb, int rc, int rd, out int sign, out int predicted)
    {
        int q1 = ctx.Quantize(rd - rb);
        int q2 = ctx.Quantize(rb - rc);
        int q3 = ctx.Quantize(rc - ra);
        sign = 1;
        if (q1 < 0 || (q1 == 0 && (q2 < 0 || (q2 == 0 && q3 < 0))))
        {
            sign = -1;
            (q1, q2, q3) = (-q1, -q2, -q3);
        }

        predicted = JpegLsContexts.Predict(ra, rb, rc);
        return (81 * q1) + (9 * q2) + q3;
    }

    /// <summary>Decodes one regular-mode sample in context <paramref name="q"/> (A.5, A.6).</summary>
    internal static int DecodeRegular(ref JpegLsBitReader reader, JpegLsContexts ctx, int q, int sign, int predicted)
    {
        int px = Math.Clamp(predicted + (sign * ctx.Correction(q)), 0, ctx.MaxValue);
        int k = ctx.K(q);
        int mapped = reader.ReadGolomb(k, ctx.Limit, ctx.Qbpp);
        int errval = (mapped & 1) == 0 ? mapped >> 1 : -((mapped + 1) >> 1);
        if (ctx.InvertedMapping(q, k))
        {
            errval = -(errval + 1);
        }

        ctx.Update(q, errval);
        return ctx.Fix(px + (sign * errval * ((2 * ctx.Near) + 1)));
    }

    /// <summary>Encodes one regular-mode sample (lossless) in context <paramref name="q"/>.</summary>
    internal static void EncodeRegular(JpegLsBitWriter writer, JpegLsContexts ctx, int q, int sign, int predicted, int value)
    {
        int px = Math.Clamp(predicted + (sign * ctx.Correction(q)), 0, ctx.MaxValue);
        int errval = ctx.Reduce(sign * (value - px));
        int k = ctx.K(q);
        int mapped = ctx.InvertedMapping(q, k)
            ? (errval >= 0 ? (2 * errval) + 1 : -2 * (errval + 1))
            : (errval >= 0 ? 2 * errval : (-2 * errval) - 1);
        writer.WriteGolomb(mapped, k, ctx.Limit, ctx.Qbpp);
        ctx.Update(q, errval);
    }

    /// <summary>Reads the length of a run of Ra that starts <paramref name="left"/> samples before the line end (A.7.1).</summary>
    internal static int DecodeRunLength(ref JpegLsBitReader reader, JpegLsContexts ctx, int left)
    {
        int index = 0;
        while (reader.ReadBit() == 1)
        {
            int count = Math.Min(1 << JpegLsContexts.J[ctx.RunIndex], left - index);
            index += count;
            if (count == 1 << JpegLsContexts.J[ctx.RunIndex])
            {
                ctx.RunIndex = Math.Min(31, ctx.RunIndex + 1);
            }

            if (index == left)
            {
                return index;
            }
        }

        int j = JpegLsContexts.J[ctx.RunIndex];
        index += j > 0 ? reader.ReadBits(j) : 0;
        if (index > left)
        {
            throw new DicomCodecException($"JPEG-LS: a run of {index} samples passes the end of the line ({left} left).");
        }

        return index;
    }

    /// <summary>Writes a run of <paramref name="run"/> samples; <paramref name="toLineEnd"/> when it ends the line (A.7.1).</summary>
    internal static void EncodeRunLength(JpegLsBitWriter writer, JpegLsContexts ctx, int run, bool toLineEnd)
    {
        int remaining = run;
        while (remaining >= 1 << JpegLsContexts.J[ctx.RunIndex])
        {
            writer.Write(1, 1);
            remaining -= 1 << JpegLsContexts.J[ctx.RunIndex];
            ctx.RunIndex = Math.Min(31, ctx.RunIndex + 1);
        }

        if (toLineEnd)
        {
            if (remaining > 0)
            {
                writer.Write(1, 1);
            }

            return;
        }

        writer.Write(0, 1);
        writer.Write(remaining, JpegLsContexts.J[ctx.RunIndex]);
    }

    /// <summary>Decodes a run-interruption sample (A.7.2) given its neighbours; the caller lowers the run index after.</summary>
    internal static int DecodeInterruption(ref JpegLsBitReader reader, JpegLsContexts ctx, int ra, int rb, int riType)
    {
        int k = ctx.RunInterruptionK(riType);
        int limit = ctx.Limit - JpegLsContexts.J[ctx.RunIndex] - 1;
        int mapped = reader.ReadGolomb(k, limit, ctx.Qbpp);
        int errval = ctx.RunInterruptionError(mapped + riType, k, riType);
        ctx.UpdateRunInterruption(riType, errval, mapped);
        int step = (2 * ctx.Near) + 1;
        return riType == 1
            ? ctx.Fix(ra + (errval * step))
            : ctx.Fix(rb + (errval * step * (rb < ra ? -1 : 1)));
    }

    /// <summary>Encodes a run-interruption sample (lossless, A.7.2).</summary>
    internal static void EncodeInterruption(JpegLsBitWriter writer, JpegLsContexts ctx, int ra, int rb, int riType, int value)
    {
        int px = riType == 1 ? ra : rb;
        int errval = value - px;
        if (riType == 0 && ra > rb)
        {
            errval = -errval;
        }

        errval = ctx.Reduce(errval);
        int k = ctx.RunInterruptionK(riType);
        bool map = ctx.RunInterruptionMap(errval, k, riType);
        int mapped = (2 * Math.Abs(errval)) - riType - (map ? 1 : 0);
        writer.WriteGolomb(mapped, k, ctx.Limit - JpegLsContexts.J[ctx.RunIndex] - 1, ctx.Qbpp);
        ctx.UpdateRunInterruption(riType, errval, mapped);
    }

    private static void DecodeLine(ref JpegLsBitReader reader, JpegLsContexts ctx, int[] previous, int[] current, int width)
    {
        current[0] = previous[1];
        previous[width + 1] = previous[width];
        int x = 1;
        while (x <= width)
        {
            int ra = current[x - 1];
            int rb = previous[x];
            int q = Context(ctx, ra, rb, previous[x - 1], previous[x + 1], out int sign, out int px);
            if (q != 0)
            {
                current[x++] = DecodeRegular(ref reader, ctx, q, sign, px);
                continue;
            }

            int left = width - x + 1;
            int run = DecodeRunLength(ref reader, ctx, left);
            current.AsSpan(x, run).Fill(ra);
            x += run;
            if (run == left)
            {
                break;
            }

            rb = previous[x];
            current[x++] = DecodeInterruption(ref reader, ctx, ra, rb, Math.Abs(ra - rb) <= ctx.Near ? 1 : 0);
            ctx.RunIndex = Math.Max(0, ctx.RunIndex - 1);
        }
    }

    private static void EncodeLine(JpegLsBitWriter writer, JpegLsContexts ctx, int[] previous, int[] current, int width)
    {
        current[0] = previous[1];
        previous[width + 1] = previous[width];
        int x = 1;
        while (x <= width)
        {
            int ra = current[x - 1];
            int rb = previous[x];
            int q = Context(ctx, ra, rb, previous[x - 1], previous[x + 1], out int sign, out int px);
            if (q != 0)
            {
                EncodeRegular(writer, ctx, q, sign, px, current[x++]);
                continue;
            }

            int left = width - x + 1;
            int run = 0;
            while (run < left && current[x + run] == ra)
            {
                run++;
            }

            EncodeRunLength(writer, ctx, run, run == left);
            x += run;
            if (run == left)
            {
                break;
            }

            rb = previous[x];
            EncodeInterruption(writer, ctx, ra, rb, Math.Abs(ra - rb) <= ctx.Near ? 1 : 0, current[x++]);
            ctx.RunIndex = Math.Max(0, ctx.RunIndex - 1);
        }
    }
}
