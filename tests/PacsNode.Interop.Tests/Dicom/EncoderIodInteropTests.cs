using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Quantification.Phantoms;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Dicom;

/// <summary>
/// Each of our encoders (RLE, JPEG Lossless SV1, JPEG-LS lossless), run by <c>pacsnode convert</c> on IOD-valid
/// images (a CT slice stored 12-bit and 16-bit unsigned, a PET slice 16-bit signed, an 8-bit RGB Secondary Capture,
/// all from the phantom generator, which dciodvfy passes): dciodvfy reports no error on the compressed file, and
/// DCMTK's decoder gives back exactly the input pixels.
/// </summary>
[Trait("Category", "Interop")]
public sealed class EncoderIodInteropTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "rle", "ct12" }, { "rle", "ct16" }, { "rle", "pet16s" }, { "rle", "rgb8" },
        { "jpeg-lossless", "ct12" }, { "jpeg-lossless", "ct16" }, { "jpeg-lossless", "pet16s" }, { "jpeg-lossless", "rgb8" },
        { "jpeg-ls", "ct12" }, { "jpeg-ls", "ct16" }, { "jpeg-ls", "pet16s" }, { "jpeg-ls", "rgb8" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Encoder_IodValidImage_DciodvfyCleanAndDcmtkDecodesExactly(string ts, string image)
    {
        string dciodvfy = RequiresTool.OnPath("dciodvfy", "dicom3tools");
        string dcmdump = RequiresTool.Dcmtk("dcmdump");
        string decoder = RequiresTool.Dcmtk(ts switch { "rle" => "dcmdrle", "jpeg-lossless" => "dcmdjpeg", _ => "dcmdjpls" });
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("encoder-iod");
        string input = await WriteImageAsync(dir, image, ct);
        List<string> inputErrors = await ErrorsAsync(dciodvfy, input, ct);
        Assert.True(inputErrors.Count == 0, "the fixture itself must be clean: " + string.Join('\n', inputErrors));

        string encoded = dir.Combine("encoded.dcm");
        (await PacsNodeCli.RunAsync(["convert", input, encoded, "--ts", ts], cancellationToken: ct)).AssertSuccess();
        List<string> errors = await ErrorsAsync(dciodvfy, encoded, ct);
        Assert.True(errors.Count == 0, string.Join('\n', errors));

        string back = dir.Combine("dcmtk-decoded.dcm");
        (await ExternalTool.RunAsync(decoder, [encoded, back], cancellationToken: ct)).AssertSuccess();
        byte[] expected = await CodecInteropTests.RawPixelsAsync(dcmdump, input, dir.Combine("a"), ct);
        byte[] actual = await CodecInteropTests.RawPixelsAsync(dcmdump, back, dir.Combine("b"), ct);
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.SequenceEqual(actual), $"{Path.GetFileName(decoder)} of our {ts} differs from the input pixels");
    }

    private static async Task<List<string>> ErrorsAsync(string dciodvfy, string file, CancellationToken ct)
    {
        ToolResult check = await ExternalTool.RunAsync(dciodvfy, [file], new ToolRunOptions { LogToTestOutput = false }, ct);
        return (check.StandardOutput + check.StandardError).Split('\n')
            .Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
    }

    /// <summary>A phantom slice turned into the requested image; noise makes the codecs leave run mode often.</summary>
    private static async Task<string> WriteImageAsync(TempDirectory dir, string image, CancellationToken ct)
    {
        PhantomSpec spec = PhantomSpec.Create(PhantomTracer.Fdg, 64, 64, 8) with { CtMatrix = 96 };
        PhantomResult phantom = await PhantomGenerator.GenerateAsync(spec, dir.Combine("phantom"), ct);
        string source = image == "pet16s"
            ? Directory.GetFiles(phantom.PetFolder).Order(StringComparer.Ordinal).ElementAt(4)
            : Directory.GetFiles(phantom.CtFolder!).Order(StringComparer.Ordinal).ElementAt(4);
        DicomDataset dataset = (await DicomFile.OpenAsync(source, cancellationToken: ct)).Dataset;
        var random = new Random(image.Length);
        short[] values = Values(dataset);
        switch (image)
        {
            case "ct12":
                SetPixels(dataset, values.Select(v => (ushort)Math.Clamp(v + 1024 + random.Next(-20, 21), 0, 4095)).ToArray(), 12, "-1024");
                break;
            case "ct16":
                SetPixels(dataset, values.Select(v => (ushort)(v + 32768 + random.Next(-300, 301))).ToArray(), 16, "-32768");
                break;
            case "rgb8":
                dataset = SecondaryCaptureRgb(dataset, values, random);
                break;
        }

        string path = dir.Combine(image + ".dcm");
        await new DicomFile(new DicomDataset(), dataset, DicomTransferSyntax.ExplicitVRLittleEndian).SaveAsync(path, cancellationToken: ct);
        return path;
    }

    private static short[] Values(DicomDataset dataset)
    {
        ReadOnlySpan<byte> bytes = ((DicomElement)dataset.Get(DicomTag.PixelData)!).Buffer.Memory.Span;
        short[] values = new short[bytes.Length / 2];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(i * 2)..]);
        }

        return values;
    }

    private static void SetPixels(DicomDataset dataset, ushort[] values, int stored, string intercept)
    {
        byte[] bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), values[i]);
        }

        US(dataset, DicomTag.BitsStored, stored);
        US(dataset, DicomTag.HighBit, stored - 1);
        US(dataset, DicomTag.PixelRepresentation, 0);
        dataset.SetString(DicomTag.RescaleIntercept, DicomVR.DS, intercept);
        dataset.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OW, DicomBuffer.FromBytes(bytes)));
    }

    /// <summary>The CT slice as a Secondary Capture RGB image (PS3.3 A.8.1): colour from the Hounsfield values.</summary>
    private static DicomDataset SecondaryCaptureRgb(DicomDataset ct, short[] values, Random random)
    {
        DicomTag[] notInSc =
        [
            DicomTag.KVP, DicomTag.RescaleIntercept, DicomTag.RescaleSlope, DicomTag.RescaleType, DicomTag.WindowCenter,
            DicomTag.WindowWidth, DicomTag.AcquisitionNumber, DicomTag.FrameOfReferenceUID, DicomTag.PositionReferenceIndicator,
            DicomTag.SliceThickness, DicomTag.SliceLocation, DicomTag.ImagePositionPatient, DicomTag.ImageOrientationPatient,
            DicomTag.PixelSpacing, DicomTag.PatientPosition,
        ];
        var sc = new DicomDataset(ct.Where(item => !notInSc.Contains(item.Tag)));
        sc.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.SecondaryCaptureImageStorage);
        sc.SetString(DicomTag.Modality, DicomVR.CS, "OT");
        sc.SetString(DicomTag.ConversionType, DicomVR.CS, "WSD");
        sc.SetString(DicomTag.PatientOrientation, DicomVR.CS, string.Empty);
        sc.SetString(DicomTag.ImageType, DicomVR.CS, "DERIVED\\SECONDARY");
        sc.SetString(DicomTag.PhotometricInterpretation, DicomVR.CS, "RGB");
        US(sc, DicomTag.SamplesPerPixel, 3);
        US(sc, DicomTag.PlanarConfiguration, 0);
        US(sc, DicomTag.BitsAllocated, 8);
        US(sc, DicomTag.BitsStored, 8);
        US(sc, DicomTag.HighBit, 7);
        US(sc, DicomTag.PixelRepresentation, 0);
        byte[] rgb = new byte[values.Length * 3];
        for (int i = 0; i < values.Length; i++)
        {
            int grey = Math.Clamp((values[i] + 1000) / 8, 0, 255);
            rgb[i * 3] = (byte)grey;
            rgb[(i * 3) + 1] = (byte)Math.Clamp(grey + random.Next(-3, 4), 0, 255);
            rgb[(i * 3) + 2] = (byte)(255 - grey);
        }

        sc.AddOrUpdate(new DicomElement(DicomTag.PixelData, DicomVR.OB, DicomBuffer.FromBytes(rgb)));
        return sc;
    }

    private static void US(DicomDataset dataset, DicomTag tag, int value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        dataset.AddOrUpdate(new DicomElement(tag, DicomVR.US, DicomBuffer.FromBytes(bytes)));
    }
}
