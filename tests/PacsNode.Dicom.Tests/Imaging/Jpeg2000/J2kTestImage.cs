using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using PacsNode.Dicom.Imaging;

namespace PacsNode.Dicom.Tests.Imaging.Jpeg2000;

/// <summary>
/// Synthetic PET/CT-like images for the JPEG 2000 tests: smooth anatomy-like ramps, a sharp-edged disc and seeded
/// noise, at odd sizes so every tile, precinct and code-block boundary case is met. Written as OpenJPEG reads them:
/// little-endian raw (<c>.rawl</c> with <c>-F w,h,c,bits,s|u</c>) for grey images and binary PPM for RGB.
/// </summary>
internal sealed record J2kTestImage(string Name, PixelFormat Format, int Precision, bool Signed, byte[] Native)
{
    public static J2kTestImage Ct12 { get; } = Grey("ct12", 97, 83, 12, signed: false, seed: 1);

    public static J2kTestImage Ct16 { get; } = Grey("ct16", 70, 64, 16, signed: false, seed: 2);

    public static J2kTestImage Pet16Signed { get; } = Grey("pet16s", 65, 47, 16, signed: true, seed: 3);

    public static J2kTestImage Rgb8 { get; } = Rgb("rgb8", 61, 45, seed: 4);

    public static IReadOnlyList<J2kTestImage> All { get; } = [Ct12, Ct16, Pet16Signed, Rgb8];

    /// <summary>Writes the image where <c>opj_compress</c> can read it; returns the extra arguments it needs.</summary>
    public async Task<string[]> WriteForOpenJpegAsync(string pathWithoutExtension, CancellationToken ct)
    {
        if (Format.SamplesPerPixel == 3)
        {
            byte[] header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P6\n{Format.Columns} {Format.Rows}\n255\n"));
            await File.WriteAllBytesAsync(pathWithoutExtension + ".ppm", [.. header, .. Native], ct);
            return ["-i", pathWithoutExtension + ".ppm"];
        }

        await File.WriteAllBytesAsync(pathWithoutExtension + ".rawl", Native, ct);
        string raw = string.Create(CultureInfo.InvariantCulture,
            $"{Format.Columns},{Format.Rows},1,{Precision},{(Signed ? "s" : "u")}");
        return ["-i", pathWithoutExtension + ".rawl", "-F", raw];
    }

    public override string ToString() => Name;

    private static J2kTestImage Grey(string name, int columns, int rows, int precision, bool signed, int seed)
    {
        var random = new Random(seed);
        var format = new PixelFormat(rows, columns, 1, 16, precision, signed ? 1 : 0, 0, "MONOCHROME2", 1);
        byte[] native = new byte[format.FrameLength];
        int max = signed ? (1 << (precision - 1)) - 1 : (1 << precision) - 1;
        int min = signed ? -(1 << (precision - 1)) : 0;
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < columns; x++)
            {
                double body = ((x * 23) + (y * 41)) % 1024 * (max - min) / 2048.0;
                bool disc = ((x - (columns / 2)) * (x - (columns / 2))) + ((y - (rows / 3)) * (y - (rows / 3))) < 150;
                int value = (int)(min + body + (disc ? (max - min) * 0.45 : 0)) + random.Next(-40, 41);
                if ((x + y) % 29 == 0)
                {
                    value = random.Next(min, max + 1);
                }

                BinaryPrimitives.WriteInt16LittleEndian(native.AsSpan(((y * columns) + x) * 2), (short)Math.Clamp(value, min, max));
            }
        }

        return new J2kTestImage(name, format, precision, signed, native);
    }

    private static J2kTestImage Rgb(string name, int columns, int rows, int seed)
    {
        var random = new Random(seed);
        var format = new PixelFormat(rows, columns, 3, 8, 8, 0, 0, "RGB", 1);
        byte[] native = new byte[format.FrameLength];
        for (int i = 0; i < columns * rows; i++)
        {
            int x = i % columns;
            int y = i / columns;
            native[(3 * i) + 0] = (byte)((x * 4) + random.Next(8));
            native[(3 * i) + 1] = (byte)((y * 5) + random.Next(8));
            native[(3 * i) + 2] = (byte)(x * y % 256);
        }

        return new J2kTestImage(name, format, 8, false, native);
    }
}
