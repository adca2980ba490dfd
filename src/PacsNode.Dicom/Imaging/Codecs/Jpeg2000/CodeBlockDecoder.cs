namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// EBCOT tier-1 (T.800 Annex D): the significance propagation, magnitude refinement and cleanup passes over stripes of
/// four rows, with the bypass, reset, terminate-all, vertically causal and segmentation-symbol code-block styles.
/// Magnitudes carry one bit below the last decoded bit-plane holding the half-step reconstruction point (E.1.1.2).
/// </summary>
internal sealed class CodeBlockDecoder
{
    private const byte Significant = 1;
    private const byte Negative = 2;
    private const byte Visited = 4;
    private const byte Refined = 8;

    private readonly MqDecoder _mq = new();
    private int[] _magnitude = [];
    private byte[] _flags = [];

    /// <summary>Per sample, its significant neighbours packed as h (bits 0–1), v (2–3) and d (4–6), kept up to date.</summary>
    private byte[] _neighbours = [];
    private int _width;
    private int _height;
    private int _stride;
    private int _orientation;
    private bool _causal;
    private bool _raw;

    public void Decode(CodeBlock block, SubBand band, int roiShift, ComponentCodingStyle style)
    {
        _width = block.X1 - block.X0;
        _height = block.Y1 - block.Y0;
        _stride = _width + 2;
        _orientation = band.Orientation;
        _causal = style.Has(ComponentCodingStyle.VerticallyCausal);
        int bitplanes = band.Bitplanes + roiShift;
        if (bitplanes > 29)
        {
            throw J2kError.NotSupported($"{bitplanes} magnitude bit-planes in a code-block; up to 29 are decoded.");
        }

        if (block.ZeroBitplanes > bitplanes || block.Passes > (3 * (bitplanes - block.ZeroBitplanes)) - 2)
        {
            throw J2kError.Corrupt($"a code-block with {block.ZeroBitplanes} missing bit-planes and {block.Passes} passes in a {bitplanes}-bit-plane sub-band.");
        }

        int area = (_height + 2) * _stride;
        if (_flags.Length < area)
        {
            _flags = new byte[area];
            _magnitude = new int[area];
            _neighbours = new byte[area];
        }
        else
        {
            Array.Clear(_flags, 0, area);
            Array.Clear(_magnitude, 0, area);
            Array.Clear(_neighbours, 0, area);
        }

        _mq.ResetContexts();
        int plane = bitplanes - 1 - block.ZeroBitplanes;
        int pass = 0;
        int passType = 2;
        int at = 0;
        bool bypass = style.Has(ComponentCodingStyle.Bypass);
        foreach ((int passes, int length) in block.Segments)
        {
            _raw = bypass && pass >= 10 && passType != 2;
            if (_raw)
            {
                _mq.StartRaw(block.Data, at, length);
            }
            else
            {
                _mq.Start(block.Data, at, length);
            }

            for (int k = 0; k < passes; k++)
            {
                switch (passType)
                {
                    case 0:
                        SignificancePropagation(plane);
                        break;
                    case 1:
                        MagnitudeRefinement(plane);
                        break;
                    default:
                        Cleanup(plane);
                        break;
                }

                if (style.Has(ComponentCodingStyle.ResetContexts))
                {
                    _mq.ResetContexts();
                }

                if (passType == 2)
                {
                    if (style.Has(ComponentCodingStyle.SegmentationSymbols))
                    {
                        for (int s = 0; s < 4; s++)
                        {
                            _mq.Decode(MqDecoder.UniformContext);
                        }
                    }

                    plane--;
                    passType = 0;
                }
                else
                {
                    passType++;
                }

                pass++;
            }

            at += length;
        }

        WriteOut(block, band, roiShift);
    }

    private void WriteOut(CodeBlock block, SubBand band, int roiShift)
    {
        int[] output = band.Coefficients;
        int threshold = roiShift > 0 ? 1 << roiShift : int.MaxValue;
        for (int y = 0; y < _height; y++)
        {
            int row = (block.Y0 - band.Y0 + y) * band.Width;
            int i = ((y + 1) * _stride) + 1;
            for (int x = 0; x < _width; x++, i++)
            {
                int magnitude = _magnitude[i];
                if (magnitude >= threshold)
                {
                    magnitude >>= roiShift;
                }

                output[row + block.X0 - band.X0 + x] = (_flags[i] & Negative) != 0 ? -magnitude : magnitude;
            }
        }
    }

    private void SignificancePropagation(int plane)
    {
        int oneAndHalf = 3 << plane;
        for (int y0 = 0; y0 < _height; y0 += 4)
        {
            int y1 = Math.Min(y0 + 4, _height);
            for (int x = 0; x < _width; x++)
            {
                for (int y = y0; y < y1; y++)
                {
                    int i = ((y + 1) * _stride) + x + 1;
                    if ((_flags[i] & Significant) != 0)
                    {
                        continue;
                    }

                    int neighbours = _neighbours[i];
                    if (neighbours == 0)
                    {
                        continue;
                    }

                    int bit = _raw ? _mq.DecodeRaw() : _mq.Decode(T1Contexts.Zero(_orientation, neighbours));
                    if (bit != 0)
                    {
                        BecomeSignificant(i, y, oneAndHalf);
                    }

                    _flags[i] |= Visited;
                }
            }
        }
    }

    private void MagnitudeRefinement(int plane)
    {
        int half = 1 << plane;
        for (int y0 = 0; y0 < _height; y0 += 4)
        {
            int y1 = Math.Min(y0 + 4, _height);
            for (int x = 0; x < _width; x++)
            {
                for (int y = y0; y < y1; y++)
                {
                    int i = ((y + 1) * _stride) + x + 1;
                    byte flags = _flags[i];
                    if ((flags & (Significant | Visited)) != Significant)
                    {
                        continue;
                    }

                    int bit;
                    if (_raw)
                    {
                        bit = _mq.DecodeRaw();
                    }
                    else
                    {
                        int context = (flags & Refined) != 0 ? T1Contexts.RefinementLater
                            : _neighbours[i] != 0 ? T1Contexts.RefinementFirstBusy : T1Contexts.RefinementFirstQuiet;
                        bit = _mq.Decode(context);
                    }

                    _magnitude[i] += bit != 0 ? half : -half;
                    _flags[i] |= Refined;
                }
            }
        }
    }

    private void Cleanup(int plane)
    {
        int oneAndHalf = 3 << plane;
        for (int y0 = 0; y0 < _height; y0 += 4)
        {
            int y1 = Math.Min(y0 + 4, _height);
            for (int x = 0; x < _width; x++)
            {
                int start = y0;
                if (y1 - y0 == 4 && RunCandidate(x, y0))
                {
                    if (_mq.Decode(MqDecoder.RunLengthContext) == 0)
                    {
                        continue;
                    }

                    int offset = _mq.Decode(MqDecoder.UniformContext) << 1;
                    offset |= _mq.Decode(MqDecoder.UniformContext);
                    int y = y0 + offset;
                    BecomeSignificant(((y + 1) * _stride) + x + 1, y, oneAndHalf);
                    start = y + 1;
                }

                for (int y = start; y < y1; y++)
                {
                    int i = ((y + 1) * _stride) + x + 1;
                    if ((_flags[i] & (Significant | Visited)) == 0)
                    {
                        if (_mq.Decode(T1Contexts.Zero(_orientation, _neighbours[i])) != 0)
                        {
                            BecomeSignificant(i, y, oneAndHalf);
                        }
                    }
                }

                for (int y = y0; y < y1; y++)
                {
                    _flags[((y + 1) * _stride) + x + 1] &= unchecked((byte)~Visited);
                }
            }
        }
    }

    private bool RunCandidate(int x, int y0)
    {
        for (int y = y0; y < y0 + 4; y++)
        {
            int i = ((y + 1) * _stride) + x + 1;
            if ((_flags[i] & (Significant | Visited)) != 0 || _neighbours[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    private void BecomeSignificant(int i, int y, int magnitude)
    {
        int sign;
        if (_raw)
        {
            sign = _mq.DecodeRaw();
        }
        else
        {
            bool below = !(_causal && (y & 3) == 3);
            int h = Contribution(_flags[i - 1]) + Contribution(_flags[i + 1]);
            int v = Contribution(_flags[i - _stride]) + (below ? Contribution(_flags[i + _stride]) : 0);
            (int context, int xor) = T1Contexts.Sign(Math.Clamp(h, -1, 1), Math.Clamp(v, -1, 1));
            sign = _mq.Decode(context) ^ xor;
        }

        _magnitude[i] = magnitude;
        _flags[i] |= sign != 0 ? (byte)(Significant | Negative) : Significant;
        Propagate(i, y);
    }

    /// <summary>
    /// Counts a newly significant sample in its eight neighbours' contexts. In vertically causal mode (D.7) the row
    /// above a stripe boundary does not see this sample, which lies in the next stripe.
    /// </summary>
    private void Propagate(int i, int y)
    {
        byte[] n = _neighbours;
        int s = _stride;
        n[i - 1]++;
        n[i + 1]++;
        n[i + s] += 4;
        n[i + s - 1] += 16;
        n[i + s + 1] += 16;
        if (!(_causal && (y & 3) == 0))
        {
            n[i - s] += 4;
            n[i - s - 1] += 16;
            n[i - s + 1] += 16;
        }
    }

    private static int Contribution(byte flags) => (flags & Significant) == 0 ? 0 : (flags & Negative) != 0 ? -1 : 1;
}
