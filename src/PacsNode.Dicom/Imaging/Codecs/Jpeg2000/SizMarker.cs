using System.Buffers.Binary;

namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>SIZ (T.800 A.5.1): the reference grid, the tiling and each component's precision, sign and subsampling.</summary>
internal sealed class SizMarker
{
    public int Width { get; private init; }

    public int Height { get; private init; }

    public int X0 { get; private init; }

    public int Y0 { get; private init; }

    public int TileWidth { get; private init; }

    public int TileHeight { get; private init; }

    public int TileX0 { get; private init; }

    public int TileY0 { get; private init; }

    public int TilesWide { get; private init; }

    public int TilesHigh { get; private init; }

    public int[] Precision { get; private init; } = [];

    public bool[] Signed { get; private init; } = [];

    public int Components => Precision.Length;

    public static SizMarker Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length < 38)
        {
            throw J2kError.Corrupt("the SIZ segment is truncated.");
        }

        int components = BinaryPrimitives.ReadUInt16BigEndian(body[34..]);
        if (components is < 1 or > 16384 || body.Length < 36 + (3 * components))
        {
            throw J2kError.Corrupt($"the SIZ segment declares {components} components in {body.Length} bytes.");
        }

        int width = Read(body, 2);
        int height = Read(body, 6);
        int x0 = Read(body, 10);
        int y0 = Read(body, 14);
        int tileWidth = Read(body, 18);
        int tileHeight = Read(body, 22);
        int tileX0 = Read(body, 26);
        int tileY0 = Read(body, 30);
        if (x0 >= width || y0 >= height || tileWidth == 0 || tileHeight == 0 || tileX0 > x0 || tileY0 > y0 ||
            (long)tileX0 + tileWidth <= x0 || (long)tileY0 + tileHeight <= y0)
        {
            throw J2kError.Corrupt($"the SIZ grid {width}×{height} at ({x0},{y0}) with tiles {tileWidth}×{tileHeight} at ({tileX0},{tileY0}) is inconsistent.");
        }

        var precision = new int[components];
        var signed = new bool[components];
        for (int c = 0; c < components; c++)
        {
            byte ssiz = body[36 + (3 * c)];
            precision[c] = (ssiz & 0x7F) + 1;
            signed[c] = (ssiz & 0x80) != 0;
            int dx = body[37 + (3 * c)];
            int dy = body[38 + (3 * c)];
            if (dx == 0 || dy == 0)
            {
                throw J2kError.Corrupt($"component {c} has a zero subsampling factor.");
            }

            if (dx != 1 || dy != 1)
            {
                throw J2kError.NotSupported($"subsampled components (component {c} is {dx}×{dy}); DICOM images carry full-resolution samples.");
            }

            if (precision[c] > 24)
            {
                throw J2kError.NotSupported($"{precision[c]}-bit samples (component {c}); up to 24 bits are decoded.");
            }
        }

        return new SizMarker
        {
            Width = width,
            Height = height,
            X0 = x0,
            Y0 = y0,
            TileWidth = tileWidth,
            TileHeight = tileHeight,
            TileX0 = tileX0,
            TileY0 = tileY0,
            TilesWide = J2kMath.CeilDiv(width - tileX0, tileWidth),
            TilesHigh = J2kMath.CeilDiv(height - tileY0, tileHeight),
            Precision = precision,
            Signed = signed,
        };
    }

    private static int Read(ReadOnlySpan<byte> body, int at)
    {
        uint value = BinaryPrimitives.ReadUInt32BigEndian(body[at..]);
        return value > int.MaxValue ? throw J2kError.NotSupported($"reference grid values above 2^31 ({value}).") : (int)value;
    }
}
