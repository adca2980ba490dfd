using System.Buffers;
using System.Buffers.Binary;

namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// Walks a codestream (T.800 Annex A): SOC, the main header up to the first SOT, then each tile-part's header and data up
/// to EOC. Every marker length and Psot is checked against the bytes that remain. TLM, PLM, PLT, CRG, COM and the
/// Part 15 CAP/CPF markers are skipped; a JP2 file wrapper is unwrapped to its contiguous codestream box.
/// </summary>
internal static class J2kCodestreamReader
{
    private const int Soc = 0xFF4F;
    private const int Siz = 0xFF51;
    private const int Cod = 0xFF52;
    private const int Coc = 0xFF53;
    private const int Qcd = 0xFF5C;
    private const int Qcc = 0xFF5D;
    private const int Rgn = 0xFF5E;
    private const int Poc = 0xFF5F;
    private const int Ppm = 0xFF60;
    private const int Ppt = 0xFF61;
    private const int Sot = 0xFF90;
    private const int Sod = 0xFF93;
    private const int Eoc = 0xFFD9;

    public static J2kCodestream Read(ReadOnlySpan<byte> data)
    {
        data = Jp2Boxes.Codestream(data);
        if (data.Length > 2 && data[^1] == 0 && data[^2] == 0xD9 && data[^3] == 0xFF)
        {
            data = data[..^1]; // the pad byte of an odd-length DICOM fragment
        }
        if (data.Length < 4 || BinaryPrimitives.ReadUInt16BigEndian(data) != Soc)
        {
            throw J2kError.Corrupt("the data does not start with an SOC marker (nor a JP2 signature box).");
        }

        int at = 2;
        SizMarker? siz = null;
        MarkerSet? main = null;
        var ppm = new ArrayBufferWriter<byte>();
        while (true)
        {
            int marker = ReadMarker(data, ref at);
            if (marker == Sot)
            {
                break;
            }

            ReadOnlySpan<byte> body = ReadSegment(data, ref at, marker);
            if (marker == Siz)
            {
                siz = siz is null ? SizMarker.Parse(body) : throw J2kError.Corrupt("a second SIZ marker.");
                main = new MarkerSet(siz.Components);
                continue;
            }

            if (siz is null || main is null)
            {
                throw J2kError.Corrupt($"marker 0x{marker:X4} comes before SIZ.");
            }

            if (marker == Ppm)
            {
                ppm.Write(body.Length > 1 ? body[1..] : throw J2kError.Corrupt("an empty PPM segment."));
            }
            else
            {
                ApplyCodingMarker(marker, body, main, siz.Components);
            }
        }

        if (siz is null || main is null || main.Cod is null || main.Qcd is null)
        {
            throw J2kError.Corrupt("the main header lacks SIZ, COD or QCD.");
        }

        long tileCount = (long)siz.TilesWide * siz.TilesHigh;
        if (tileCount > data.Length)
        {
            throw J2kError.Corrupt($"{tileCount} tiles cannot fit in {data.Length} bytes.");
        }

        var tiles = new J2kTile[tileCount];
        int ppmAt = 0;
        ReadOnlySpan<byte> packed = ppm.WrittenSpan;
        bool first = true;
        while (true)
        {
            if (!first && at == data.Length)
            {
                break; // no EOC: tolerated, as the tile-parts are complete
            }

            int marker = first ? Sot : ReadMarker(data, ref at);
            first = false;
            if (marker == Eoc)
            {
                break;
            }

            if (marker != Sot)
            {
                throw J2kError.Corrupt($"marker 0x{marker:X4} where a tile-part (SOT) or EOC was expected.");
            }

            int sotStart = at - 2;
            ReadOnlySpan<byte> sot = ReadSegment(data, ref at, marker);
            if (sot.Length != 8)
            {
                throw J2kError.Corrupt("the SOT segment is not 10 bytes.");
            }

            int index = BinaryPrimitives.ReadUInt16BigEndian(sot);
            uint psot = BinaryPrimitives.ReadUInt32BigEndian(sot[2..]);
            if (index >= tiles.Length)
            {
                throw J2kError.Corrupt($"a tile-part of tile {index}; the image has {tiles.Length} tiles.");
            }

            long end = psot == 0 ? data.Length - (EndsWithEoc(data) ? 2 : 0) : sotStart + (long)psot;
            if (end > data.Length || end < at)
            {
                throw J2kError.Corrupt($"tile-part of tile {index} claims {psot} bytes; {data.Length - sotStart} remain.");
            }

            J2kTile tile = tiles[index] ??= new J2kTile(index, siz.Components);
            if (sot[6] != tile.PartsSeen)
            {
                throw J2kError.Corrupt($"tile {index}'s tile-part {sot[6]} arrives as its part {tile.PartsSeen}.");
            }

            tile.PartsDeclared = sot[7] == 0 ? tile.PartsDeclared : sot[7];
            ReadTilePartHeader(data, ref at, (int)end, tile, siz.Components);
            if (packed.Length > 0)
            {
                AppendPpm(packed, ref ppmAt, tile);
            }

            tile.Body.Write(data[at..(int)end]);
            tile.PartsSeen++;
            at = (int)end;
            if (psot == 0)
            {
                break;
            }
        }

        for (int t = 0; t < tiles.Length; t++)
        {
            if (tiles[t] is null)
            {
                throw J2kError.Corrupt($"tile {t} has no tile-part (a truncated codestream?).");
            }
        }

        return new J2kCodestream(siz, main, tiles);
    }

    private static void ReadTilePartHeader(ReadOnlySpan<byte> data, ref int at, int end, J2kTile tile, int components)
    {
        while (true)
        {
            int marker = ReadMarker(data[..end], ref at);
            if (marker == Sod)
            {
                return;
            }

            ReadOnlySpan<byte> body = ReadSegment(data[..end], ref at, marker);
            if (marker == Ppt)
            {
                tile.PackedHeaders ??= new ArrayBufferWriter<byte>();
                tile.PackedHeaders.Write(body.Length > 1 ? body[1..] : throw J2kError.Corrupt("an empty PPT segment."));
            }
            else if (tile.PartsSeen == 0 || marker is Poc or not (Cod or Coc or Qcd or Qcc or Rgn))
            {
                ApplyCodingMarker(marker, body, tile.Markers, components);
            }
            else
            {
                throw J2kError.Corrupt($"marker 0x{marker:X4} in a tile-part other than the tile's first.");
            }
        }
    }

    private static void ApplyCodingMarker(int marker, ReadOnlySpan<byte> body, MarkerSet set, int components)
    {
        int size;
        switch (marker)
        {
            case Cod:
                set.Cod = CodingStyle.Parse(body);
                break;
            case Coc:
                int coc = set.ComponentIndex(body, out size);
                set.Coc[coc] = ComponentCodingStyle.Parse(body[(size + 1)..], (body[size] & 0x01) != 0);
                break;
            case Qcd:
                set.Qcd = QuantizationParameters.Parse(body);
                break;
            case Qcc:
                int qcc = set.ComponentIndex(body, out size);
                set.Qcc[qcc] = QuantizationParameters.Parse(body[size..]);
                break;
            case Rgn:
                int rgn = set.ComponentIndex(body, out size);
                set.RoiShift[rgn] = body.Length >= size + 2 && body[size] == 0
                    ? body[size + 1]
                    : throw J2kError.NotSupported("an RGN style other than maximum shift, or a truncated RGN.");
                break;
            case Poc:
                set.ProgressionChanges.AddRange(ProgressionChange.Parse(body, components));
                break;
            case Ppm:
                throw J2kError.Corrupt("a PPM marker outside the main header.");
            default:
                if ((marker & 0xFF00) != 0xFF00 || marker < 0xFF30)
                {
                    throw J2kError.Corrupt($"0x{marker:X4} is not a marker.");
                }

                break; // TLM, PLM, PLT, CRG, COM, CAP, CPF and others carry nothing the decoder needs.
        }
    }

    private static void AppendPpm(ReadOnlySpan<byte> packed, ref int at, J2kTile tile)
    {
        if (at + 4 > packed.Length)
        {
            throw J2kError.Corrupt("the PPM headers end before the tile-parts do.");
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(packed[at..]);
        at += 4;
        if (length > packed.Length - at)
        {
            throw J2kError.Corrupt("a PPM tile-part header runs past the PPM data.");
        }

        tile.PackedHeaders ??= new ArrayBufferWriter<byte>();
        tile.PackedHeaders.Write(packed.Slice(at, (int)length));
        at += (int)length;
    }

    private static bool EndsWithEoc(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && BinaryPrimitives.ReadUInt16BigEndian(data[^2..]) == Eoc;

    private static int ReadMarker(ReadOnlySpan<byte> data, ref int at)
    {
        if (at + 2 > data.Length)
        {
            throw J2kError.Corrupt("the codestream ends inside a header (no EOC).");
        }

        int marker = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
        at += 2;
        return marker;
    }

    private static ReadOnlySpan<byte> ReadSegment(ReadOnlySpan<byte> data, ref int at, int marker)
    {
        if (at + 2 > data.Length)
        {
            throw J2kError.Corrupt($"marker 0x{marker:X4} is truncated.");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
        if (length < 2 || at + length > data.Length)
        {
            throw J2kError.Corrupt($"marker 0x{marker:X4} claims {length} bytes; {data.Length - at} remain.");
        }

        ReadOnlySpan<byte> body = data.Slice(at + 2, length - 2);
        at += length;
        return body;
    }
}
