namespace PacsNode.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// A Huffman table from a DHT segment (T.81 annex C). Codes of up to <see cref="LookupBits"/> bits are decoded with
/// one table lookup on the next bits; longer ones with the MINCODE/MAXCODE/VALPTR procedure of F.2.2.3.
/// </summary>
internal sealed class HuffmanDecodingTable
{
    private const int LookupBits = 9;

    /// <summary>Per <see cref="LookupBits"/>-bit prefix: code length in the high byte, value in the low; 0 = longer code.</summary>
    private readonly ushort[] _lookup = new ushort[1 << LookupBits];
    private readonly int[] _maxCode = new int[18];
    private readonly int[] _valuePointer = new int[17];
    private readonly int[] _minCode = new int[17];
    private readonly byte[] _values;

    public HuffmanDecodingTable(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values)
    {
        _values = values.ToArray();
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++)
        {
            int n = counts[length - 1];
            _valuePointer[length] = k;
            _minCode[length] = code;
            code += n;
            k += n;
            _maxCode[length] = n > 0 ? code - 1 : -1;
            if (code > 1 << length)
            {
                throw new DicomCodecException("JPEG: a Huffman table has more codes than its lengths allow.");
            }

            code <<= 1;
        }

        _maxCode[17] = int.MaxValue;
        for (int length = 1; length <= LookupBits; length++)
        {
            for (int n = 0; n < counts[length - 1]; n++)
            {
                int first = (_minCode[length] + n) << (LookupBits - length);
                int span = 1 << (LookupBits - length);
                for (int i = 0; i < span; i++)
                {
                    _lookup[first + i] = (ushort)((length << 8) | _values[_valuePointer[length] + n]);
                }
            }
        }
    }

    /// <summary>The value of the code whose bits the reader supplies one at a time.</summary>
    public int Decode(ref JpegBitReader reader)
    {
        ushort entry = _lookup[reader.Peek(LookupBits)];
        if (entry != 0)
        {
            reader.Skip(entry >> 8);
            return entry & 0xFF;
        }

        int code = reader.ReadBit();
        for (int length = 1; length <= 16; length++)
        {
            if (code <= _maxCode[length])
            {
                return _values[_valuePointer[length] + code - _minCode[length]];
            }

            code = (code << 1) | reader.ReadBit();
        }

        throw new DicomCodecException("JPEG: a Huffman code longer than 16 bits matches no table entry.");
    }
}
