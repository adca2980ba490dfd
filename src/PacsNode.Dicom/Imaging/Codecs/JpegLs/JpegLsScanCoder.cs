namespace PacsNode.Dicom.Imaging.Codecs.JpegLs;

/// <summary>
/// Decodes and encodes the samples of one single-component JPEG-LS scan (T.87 annex A): regular mode with
/// context modelling and bias correction, run mode with run-interruption samples. Lines carry one guard sample
/// on each side so that the edge rules of A.2.1 fall out of plain indexing.
/// </summary>
internal static class JpegLsScanCoder
{
    public static void Decode(ref JpegLsBitReader reader, JpegLsContexts ctx, int width, int height, Span<int> output)
    {
        int[] previous = new int[width + 2];
        int[] current = new int[width + 2];
        int step = (2 * ctx.Near) + 1;
        for (int y = 0; y < height; y++)
        {
            current[0] = previous[1];
            previous[width + 1] = previous[width];
            int x = 1;
            while (x <= width)
            {
                int ra = current[x - 1];
                int rb = previous[x];
                int rc = previous[x - 1];
                if (!TryRegularContext(ctx, ra, rb, rc, previous[x + 1], out int q, out int sign, out int px))
                {
                    x = DecodeRun(ref reader, ctx, previous, current, x, width);
                    continue;
                }

                int k = ctx.K(q);
                int mapped = reader.ReadGolomb(k, ctx.Limit, ctx.Qbpp);
                int errval = (mapped & 1) == 0 ? mapped >> 1 : -((mapped + 1) >> 1);
                if (ctx.InvertedMapping(q, k))
                {
                    errval = -(errval + 1);
                }

                ctx.Update(q, errval);
                current[x] = ctx.Fix(px + (sign * errval * step));
                x++;
            }

            current.AsSpan(1, width).CopyTo(output.Slice(y * width, width));
            (previous, current) = (current, previous);
        }
    }

    /// <summary>
    /// The regular-mode context of a sample (A.3, A.4): false when the local gradients call for run mode, else the
    /// context index, the sign that normalised it and the bias-corrected prediction.
    /// </summary>
    private static bool TryRegularContext(JpegLsContexts ctx, int ra, int rb, int rc, int rd, out int q, out int sign, out int px)
    {
        int d1 = rd - rb;
        int d2 = rb - rc;
        int d3 = rc - ra;
        q = 0;
        sign = 1;
        px = 0;
        if (Math.Abs(d1) <= ctx.Near && Math.Abs(d2) <= ctx.Near && Math.Abs(d3) <= ctx.Near)
        {
            return false;
        }

        int q1 = ctx.Quantize(d1);
        int q2 = ctx.Quantize(d2);
        int q3 = ctx.Quantize(d3);
        if (q1 < 0 || (q1 == 0 && (q2 < 0 || (q2 == 0 && q3 < 0))))
        {
            sign = -1;
            (q1, q2, q3) = (-q1, -q2, -q3);
        }

        q = (81 * q1) + (9 * q2) + q3;
        px = Math.Clamp(JpegLsContexts.Predict(ra, rb, rc) + (sign * ctx.Correction(q)), 0, ctx.MaxValue);
        return true;
    }

    private static int DecodeRun(ref JpegLsBitReader reader, JpegLsContexts ctx, int[] previous, int[] current, int x, int width)
    {
        int ra = current[x - 1];
        int left = width - x + 1;
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
                break;
            }
        }

        if (index != left)
        {
            int j = JpegLsContexts.J[ctx.RunIndex];
            index += j > 0 ? reader.ReadBits(j) : 0;
        }

        if (index > left)
        {
            throw new DicomCodecException($"JPEG-LS: a run of {index} samples passes the end of the line ({left} left).");
        }

        for (int i = 0; i < index; i++)
        {
            current[x + i] = ra;
        }

        x += index;
        if (index == left)
        {
            return x;
        }

        // Run interruption sample (A.7.2).
        int rb = previous[x];
        int riType = Math.Abs(ra - rb) <= ctx.Near ? 1 : 0;
        int k = ctx.RunInterruptionK(riType);
        int limit = ctx.Limit - JpegLsContexts.J[ctx.RunIndex] - 1;
        int mapped = reader.ReadGolomb(k, limit, ctx.Qbpp);
        int errval = ctx.RunInterruptionError(mapped + riType, k, riType);
        ctx.UpdateRunInterruption(riType, errval, mapped);
        int step = (2 * ctx.Near) + 1;
        current[x] = riType == 1
            ? ctx.Fix(ra + (errval * step))
            : ctx.Fix(rb + (errval * step * (rb < ra ? -1 : 1)));
        ctx.RunIndex = Math.Max(0, ctx.RunIndex - 1);
        return x + 1;
    }

    /// <summary>Encodes one component losslessly or near-losslessly with the same context model.</summary>
    public static void Encode(JpegLsBitWriter writer, JpegLsContexts ctx, int width, int height, ReadOnlySpan<int> input)
    {
        int[] previous = new int[width + 2];
        int[] current = new int[width + 2];
        for (int y = 0; y < height; y++)
        {
            input.Slice(y * width, width).CopyTo(current.AsSpan(1));
            current[0] = previous[1];
            previous[width + 1] = previous[width];
            int x = 1;
            while (x <= width)
            {
                int ra = current[x - 1];
                int rb = previous[x];
                int rc = previous[x - 1];
                if (!TryRegularContext(ctx, ra, rb, rc, previous[x + 1], out int q, out int sign, out int px))
                {
                    x = EncodeRun(writer, ctx, previous, current, x, width);
                    continue;
                }

                int errval = ctx.Reduce(sign * (current[x] - px));
                int k = ctx.K(q);
                int mapped = ctx.InvertedMapping(q, k)
                    ? (errval >= 0 ? (2 * errval) + 1 : -2 * (errval + 1))
                    : (errval >= 0 ? 2 * errval : (-2 * errval) - 1);
                writer.WriteGolomb(mapped, k, ctx.Limit, ctx.Qbpp);
                ctx.Update(q, errval);
                x++;
            }

            (previous, current) = (current, previous);
        }
    }

    private static int EncodeRun(JpegLsBitWriter writer, JpegLsContexts ctx, int[] previous, int[] current, int x, int width)
    {
        int ra = current[x - 1];
        int left = width - x + 1;
        int run = 0;
        while (run < left && current[x + run] == ra)
        {
            run++;
        }

        int remaining = run;
        while (remaining >= 1 << JpegLsContexts.J[ctx.RunIndex])
        {
            writer.Write(1, 1);
            remaining -= 1 << JpegLsContexts.J[ctx.RunIndex];
            ctx.RunIndex = Math.Min(31, ctx.RunIndex + 1);
        }

        if (run == left)
        {
            if (remaining > 0)
            {
                writer.Write(1, 1);
            }

            return x + run;
        }

        writer.Write(0, 1);
        writer.Write(remaining, JpegLsContexts.J[ctx.RunIndex]);
        x += run;
        int rb = previous[x];
        int riType = Math.Abs(ra - rb) <= ctx.Near ? 1 : 0;
        int px = riType == 1 ? ra : rb;
        int errval = current[x] - px;
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
        ctx.RunIndex = Math.Max(0, ctx.RunIndex - 1);
        return x + 1;
    }
}
