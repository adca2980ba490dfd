using System.Buffers.Binary;
using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Benchmarks;

/// <summary>The benchmark inputs, written with PacsNode's own writer into a work folder.</summary>
internal static class Corpus
{
    /// <summary>A CT slice of 512×512 16-bit pixels with a typical CT header (explicit VR little endian).</summary>
    public static async Task WriteCtSliceAsync(string path, CancellationToken ct)
    {
        var ds = new DicomDataset();
        Text(ds, 0x0008, 0x0005, DicomVR.CS, "ISO_IR 100");
        Text(ds, 0x0008, 0x0008, DicomVR.CS, "ORIGINAL\\PRIMARY\\AXIAL");
        Text(ds, 0x0008, 0x0016, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");
        Text(ds, 0x0008, 0x0018, DicomVR.UI, "2.25.1000001");
        Text(ds, 0x0008, 0x0020, DicomVR.DA, "20261123");
        Text(ds, 0x0008, 0x0030, DicomVR.TM, "101500");
        Text(ds, 0x0008, 0x0060, DicomVR.CS, "CT");
        Text(ds, 0x0008, 0x0070, DicomVR.LO, "Benchmark");
        Text(ds, 0x0010, 0x0010, DicomVR.PN, "Bench^Mark");
        Text(ds, 0x0010, 0x0020, DicomVR.LO, "BENCH001");
        Text(ds, 0x0018, 0x0050, DicomVR.DS, "2.0");
        Text(ds, 0x0018, 0x0060, DicomVR.DS, "120");
        Text(ds, 0x0020, 0x000D, DicomVR.UI, "2.25.1000002");
        Text(ds, 0x0020, 0x000E, DicomVR.UI, "2.25.1000003");
        Text(ds, 0x0020, 0x0013, DicomVR.IS, "1");
        Text(ds, 0x0020, 0x0032, DicomVR.DS, "-250\\-250\\100");
        Text(ds, 0x0020, 0x0037, DicomVR.DS, "1\\0\\0\\0\\1\\0");
        Text(ds, 0x0020, 0x0052, DicomVR.UI, "2.25.1000004");
        Text(ds, 0x0028, 0x0004, DicomVR.CS, "MONOCHROME2");
        UShort(ds, 0x0028, 0x0002, 1);
        UShort(ds, 0x0028, 0x0010, 512);
        UShort(ds, 0x0028, 0x0011, 512);
        Text(ds, 0x0028, 0x0030, DicomVR.DS, "0.9765625\\0.9765625");
        UShort(ds, 0x0028, 0x0100, 16);
        UShort(ds, 0x0028, 0x0101, 12);
        UShort(ds, 0x0028, 0x0102, 11);
        UShort(ds, 0x0028, 0x0103, 0);
        Text(ds, 0x0028, 0x1052, DicomVR.DS, "-1024");
        Text(ds, 0x0028, 0x1053, DicomVR.DS, "1");
        byte[] pixels = new byte[512 * 512 * 2];
        for (int i = 0; i < 512 * 512; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(i * 2), (ushort)((i * 7) % 4096));
        }

        ds.AddOrUpdate(new DicomElement(new DicomTag(0x7FE0, 0x0010), DicomVR.OW, DicomBuffer.FromBytes(pixels)));
        var file = new DicomFile(new DicomDataset(), ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        await file.SaveAsync(path, cancellationToken: ct);
    }

    /// <summary>
    /// A whole-body PET series: the real Siemens Biograph slice of the shared test data, repeated with its own
    /// SOP Instance UID, instance number and slice position for each slice.
    /// </summary>
    public static async Task<string[]> WritePetSeriesAsync(string folder, int slices, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        string template = Path.Combine(RepositoryRoot(), "..", "shared", "testdata", "orthanc-tests",
            "2020-11-16-SalimKanounAnonymization.dcm");
        DicomFile source = await DicomFile.OpenAsync(template, cancellationToken: ct);
        var paths = new string[slices];
        for (int i = 0; i < slices; i++)
        {
            Text(source.Dataset, 0x0008, 0x0018, DicomVR.UI, "2.25.2000" + i.ToString(CultureInfo.InvariantCulture));
            Text(source.Dataset, 0x0020, 0x0013, DicomVR.IS, (i + 1).ToString(CultureInfo.InvariantCulture));
            Text(source.Dataset, 0x0020, 0x0032, DicomVR.DS, "-400\\-400\\" + (-i * 2).ToString(CultureInfo.InvariantCulture));
            paths[i] = Path.Combine(folder, $"pet{i:D4}.dcm");
            await source.SaveAsync(paths[i], cancellationToken: ct);
        }

        return paths;
    }

    /// <summary>
    /// A multi-frame grayscale image (Multi-frame Grayscale Word Secondary Capture) for codec throughput: a CT of
    /// smooth anatomy-like shapes with noise, or PET frames made from the real Siemens slice, shifted per frame.
    /// </summary>
    public static async Task<string> WriteMultiFrameAsync(
        string path, int rows, int columns, int frames, bool pet, CancellationToken cancellationToken)
    {
        var ds = new DicomDataset();
        Text(ds, 0x0008, 0x0016, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7.3");
        Text(ds, 0x0008, 0x0018, DicomVR.UI, pet ? "2.25.4002" : "2.25.4001");
        Text(ds, 0x0008, 0x0060, DicomVR.CS, "OT");
        Text(ds, 0x0028, 0x0004, DicomVR.CS, "MONOCHROME2");
        Text(ds, 0x0028, 0x0008, DicomVR.IS, frames.ToString(CultureInfo.InvariantCulture));
        UShort(ds, 0x0028, 0x0002, 1);
        UShort(ds, 0x0028, 0x0010, (ushort)rows);
        UShort(ds, 0x0028, 0x0011, (ushort)columns);
        UShort(ds, 0x0028, 0x0100, 16);
        UShort(ds, 0x0028, 0x0101, pet ? (ushort)16 : (ushort)12);
        UShort(ds, 0x0028, 0x0102, pet ? (ushort)15 : (ushort)11);
        UShort(ds, 0x0028, 0x0103, pet ? (ushort)1 : (ushort)0);
        byte[] pixels = new byte[rows * columns * frames * 2];
        var random = new Random(2026);
        ReadOnlyMemory<byte> template = ReadOnlyMemory<byte>.Empty;
        if (pet)
        {
            string source = Path.Combine(RepositoryRoot(), "..", "shared", "testdata", "orthanc-tests",
                "2020-11-16-SalimKanounAnonymization.dcm");
            DicomFile slice = await DicomFile.OpenAsync(source, cancellationToken: cancellationToken);
            template = ((DicomElement)slice.Dataset.Get(new DicomTag(0x7FE0, 0x0010))!).Buffer.Memory;
        }

        for (int f = 0; f < frames; f++)
        {
            for (int y = 0; y < rows; y++)
            {
                for (int x = 0; x < columns; x++)
                {
                    int value;
                    if (pet)
                    {
                        int sx = Math.Clamp(x + (f % 7) - 3, 0, columns - 1);
                        value = BinaryPrimitives.ReadInt16LittleEndian(template.Span[(((y * columns) + sx) * 2)..]);
                    }
                    else
                    {
                        double r = Math.Sqrt(Math.Pow(x - (columns / 2.0), 2) + Math.Pow((y - (rows / 2.0)) * 1.3, 2));
                        value = r < 200 ? 1024 + (int)(40 * Math.Sin((x + f) / 9.0)) + random.Next(-20, 21) : random.Next(0, 8);
                        value = Math.Clamp(value, 0, 4095);
                    }

                    BinaryPrimitives.WriteInt16LittleEndian(pixels.AsSpan(((((f * rows) + y) * columns) + x) * 2), (short)value);
                }
            }
        }

        ds.AddOrUpdate(new DicomElement(new DicomTag(0x7FE0, 0x0010), DicomVR.OW, DicomBuffer.FromBytes(pixels)));
        await new DicomFile(new DicomDataset(), ds, DicomTransferSyntax.ExplicitVRLittleEndian).SaveAsync(path, cancellationToken: cancellationToken);
        return path;
    }

    /// <summary>A Multi-frame True Color Secondary Capture: 8-bit RGB, smooth colour gradients with a little noise.</summary>
    public static async Task<string> WriteRgbMultiFrameAsync(string path, int rows, int columns, int frames, CancellationToken cancellationToken)
    {
        var ds = new DicomDataset();
        Text(ds, 0x0008, 0x0016, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7.4");
        Text(ds, 0x0008, 0x0018, DicomVR.UI, "2.25.4003");
        Text(ds, 0x0008, 0x0060, DicomVR.CS, "OT");
        Text(ds, 0x0028, 0x0004, DicomVR.CS, "RGB");
        Text(ds, 0x0028, 0x0008, DicomVR.IS, frames.ToString(CultureInfo.InvariantCulture));
        UShort(ds, 0x0028, 0x0002, 3);
        UShort(ds, 0x0028, 0x0006, 0);
        UShort(ds, 0x0028, 0x0010, (ushort)rows);
        UShort(ds, 0x0028, 0x0011, (ushort)columns);
        UShort(ds, 0x0028, 0x0100, 8);
        UShort(ds, 0x0028, 0x0101, 8);
        UShort(ds, 0x0028, 0x0102, 7);
        UShort(ds, 0x0028, 0x0103, 0);
        byte[] pixels = new byte[rows * columns * frames * 3];
        var random = new Random(2027);
        for (int i = 0; i < rows * columns * frames; i++)
        {
            int x = i % columns;
            int y = i / columns % rows;
            int f = i / (rows * columns);
            bool inside = Math.Pow(x - (columns / 2.0), 2) + Math.Pow(y - (rows / 2.0), 2) < rows * rows / 5.0;
            pixels[i * 3] = (byte)(inside ? 128 + (int)(100 * Math.Sin((x + f) / 23.0)) + random.Next(-3, 4) : 0);
            pixels[(i * 3) + 1] = (byte)(inside ? y / 2 : 0);
            pixels[(i * 3) + 2] = (byte)(inside ? 255 - (x / 2) : 0);
        }

        ds.AddOrUpdate(new DicomElement(new DicomTag(0x7FE0, 0x0010), DicomVR.OB, DicomBuffer.FromBytes(pixels)));
        await new DicomFile(new DicomDataset(), ds, DicomTransferSyntax.ExplicitVRLittleEndian).SaveAsync(path, cancellationToken: cancellationToken);
        return path;
    }

    private static void Text(DicomDataset ds, ushort group, ushort element, DicomVR vr, string value) =>
        ds.SetString(new DicomTag(group, element), vr, value);

    private static void UShort(DicomDataset ds, ushort group, ushort element, ushort value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        ds.AddOrUpdate(new DicomElement(new DicomTag(group, element), DicomVR.US, DicomBuffer.FromBytes(bytes)));
    }

    private static string RepositoryRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "PacsNode.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("PacsNode.sln not found above " + AppContext.BaseDirectory);
    }

}
