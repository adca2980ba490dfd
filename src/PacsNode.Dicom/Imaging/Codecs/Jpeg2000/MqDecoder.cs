namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// The MQ arithmetic decoder (T.800 Annex C, C.3): the 47-state probability table, INITDEC, DECODE with conditional
/// exchange, RENORMD and BYTEIN with its 0xFF handling. Bytes past the segment's end read as 0xFF, as C.3.4 allows.
/// Also the raw (bypass) bit reader of D.6, which shares the segment and stuffing rule.
/// </summary>
internal sealed class MqDecoder
{
    public const int ContextCount = 19;
    public const int UniformContext = 18;
    public const int RunLengthContext = 17;

    private static readonly ushort[] Qe =
    [
        0x5601, 0x3401, 0x1801, 0x0AC1, 0x0521, 0x0221, 0x5601, 0x5401, 0x4801, 0x3801, 0x3001, 0x2401, 0x1C01, 0x1601,
        0x5601, 0x5401, 0x5101, 0x4801, 0x3801, 0x3401, 0x3001, 0x2801, 0x2401, 0x2201, 0x1C01, 0x1801, 0x1601, 0x1401,
        0x1201, 0x1101, 0x0AC1, 0x09C1, 0x08A1, 0x0521, 0x0441, 0x02A1, 0x0221, 0x0141, 0x0111, 0x0085, 0x0049, 0x0025,
        0x0015, 0x0009, 0x0005, 0x0001, 0x5601,
    ];

    private static readonly byte[] NextMps =
    [
        1, 2, 3, 4, 5, 38, 7, 8, 9, 10, 11, 12, 13, 29, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
        32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 45, 46,
    ];

    private static readonly byte[] NextLps =
    [
        1, 6, 9, 12, 29, 33, 6, 14, 14, 14, 17, 18, 20, 21, 14, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 23, 24, 25, 26, 27,
        28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 46,
    ];

    private static readonly bool[] Switch =
    [
        true, false, false, false, false, false, true, false, false, false, false, false, false, false, true, false, false,
        false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false,
        false, false, false, false, false, false, false, false, false, false, false, false, false, false,
    ];

    private readonly byte[] _state = new byte[ContextCount];
    private readonly byte[] _mps = new byte[ContextCount];
    private byte[] _data = [];
    private int _position;
    private int _end;
    private uint _c;
    private uint _a;
    private int _ct;

    /// <summary>The initial states of T.800 Table D.7: all zero but UNIFORM (46), run-length (3) and the all-insignificant zero-coding context (4).</summary>
    public void ResetContexts()
    {
        Array.Clear(_state);
        Array.Clear(_mps);
        _state[UniformContext] = 46;
        _state[RunLengthContext] = 3;
        _state[0] = 4;
    }

    /// <summary>INITDEC on one codeword segment.</summary>
    public void Start(byte[] data, int start, int length)
    {
        _data = data;
        _position = start;
        _end = start + length;
        _c = (uint)Current() << 16;
        ByteIn();
        _c <<= 7;
        _ct -= 7;
        _a = 0x8000;
    }

    public int Decode(int context)
    {
        int state = _state[context];
        uint qe = Qe[state];
        int d;
        _a -= qe;
        if ((_c >> 16) < qe)
        {
            if (_a < qe)
            {
                d = _mps[context];
                _state[context] = NextMps[state];
            }
            else
            {
                d = 1 - _mps[context];
                if (Switch[state])
                {
                    _mps[context] = (byte)(1 - _mps[context]);
                }

                _state[context] = NextLps[state];
            }

            _a = qe;
            Renormalise();
            return d;
        }

        _c -= qe << 16;
        if ((_a & 0x8000) != 0)
        {
            return _mps[context];
        }

        if (_a < qe)
        {
            d = 1 - _mps[context];
            if (Switch[state])
            {
                _mps[context] = (byte)(1 - _mps[context]);
            }

            _state[context] = NextLps[state];
        }
        else
        {
            d = _mps[context];
            _state[context] = NextMps[state];
        }

        Renormalise();
        return d;
    }

    /// <summary>Starts raw (arithmetic-coding bypass) reading of a segment (T.800 D.6).</summary>
    public void StartRaw(byte[] data, int start, int length)
    {
        _data = data;
        _position = start;
        _end = start + length;
        _c = 0;
        _ct = 0;
    }

    public int DecodeRaw()
    {
        if (_ct == 0)
        {
            if (_c == 0xFF)
            {
                if (Current() > 0x8F)
                {
                    _c = 0xFF;
                    _ct = 8;
                }
                else
                {
                    _c = Current();
                    _position++;
                    _ct = 7;
                }
            }
            else
            {
                _c = Current();
                _position++;
                _ct = 8;
            }
        }

        _ct--;
        return (int)(_c >> _ct) & 1;
    }

    private uint Current() => _position < _end ? _data[_position] : 0xFFu;

    private uint Next() => _position + 1 < _end ? _data[_position + 1] : 0xFFu;

    private void ByteIn()
    {
        if (Current() == 0xFF)
        {
            if (Next() > 0x8F)
            {
                _c += 0xFF00;
                _ct = 8;
            }
            else
            {
                _position++;
                _c += Current() << 9;
                _ct = 7;
            }
        }
        else
        {
            _position++;
            _c += Current() << 8;
            _ct = 8;
        }
    }

    private void Renormalise()
    {
        do
        {
            if (_ct == 0)
            {
                ByteIn();
            }

            _a <<= 1;
            _c <<= 1;
            _ct--;
        }
        while ((_a & 0x8000) == 0);
    }
}
