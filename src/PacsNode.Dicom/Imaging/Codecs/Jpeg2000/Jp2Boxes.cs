using System.Buffers.Binary;

namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>The JP2 file format (T.800 Annex I): finds the contiguous codestream box ('jp2c') when data starts with the JP2 signature.</summary>
internal static class Jp2Boxes
{
    private const uint SignatureType = 0x6A502020; // 'jP  '
    private const uint CodestreamType = 0x6A703263; // 'jp2c'

    /// <summary>The codestream inside a JP2 wrapper, or <paramref name="data"/> itself when it is not wrapped.</summary>
    public static ReadOnlySpan<byte> Codestream(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(data[4..]) != SignatureType)
        {
            return data;
        }

        long at = 0;
        while (at + 8 <= data.Length)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(data[(int)at..]);
            uint type = BinaryPrimitives.ReadUInt32BigEndian(data[(int)(at + 4)..]);
            int header = 8;
            if (length == 1)
            {
                if (at + 16 > data.Length)
                {
                    break;
                }

                ulong extended = BinaryPrimitives.ReadUInt64BigEndian(data[(int)(at + 8)..]);
                length = extended > (ulong)data.Length ? -1 : (long)extended;
                header = 16;
            }
            else if (length == 0)
            {
                length = data.Length - at;
            }

            if (length < header || at + length > data.Length)
            {
                throw J2kError.Corrupt($"a JP2 box at offset {at} claims {length} bytes; {data.Length - at} remain.");
            }

            if (type == CodestreamType)
            {
                return data.Slice((int)at + header, (int)length - header);
            }

            at += length;
        }

        throw J2kError.Corrupt("a JP2 file without a contiguous codestream box.");
    }
}
