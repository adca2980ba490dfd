using System.Globalization;
using System.Text;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging;
using PacsNode.Dicom.Imaging.Codecs.Jpeg2000;
using PacsNode.Dicom.IO;
using PacsNode.TestKit;

namespace PacsNode.Benchmarks;

/// <summary>
/// JPEG 2000 decode against OpenJPEG's opj_decompress. PacsNode has no JPEG 2000 encoder, so opj_compress makes the
/// codestreams: each benchmark image's frames stacked into one tall mosaic (one codestream, so opj_decompress's
/// process start and its raw file write are small against its decode), lossless 5/3 and 9/7 at 10:1. PacsNode decodes
/// the same codestream in process; both single-threaded. Medians over rounds.
/// </summary>
internal static class Jpeg2000Benchmark
{
    public static async Task AppendAsync(StringBuilder table, string label, DicomFile file, string work, int rounds, CancellationToken ct)
    {
        if (Tools.Find("opj_compress") is not { } compress || Tools.Find("opj_decompress") is not { } decompress)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {label} | JPEG 2000 | opj_compress/opj_decompress (libopenjp2-tools) not installed | | | | | | |");
            return;
        }

        var format = PixelFormat.FromDataset(file.Dataset);
        if (format.SamplesPerPixel != 1)
        {
            // The mosaic is written as one raw grey plane for opj_compress; colour images are not benchmarked here.
            table.AppendLine(CultureInfo.InvariantCulture, $"| {label} | JPEG 2000 | colour image: not benchmarked (grey mosaics only) | | | | | | |");
            return;
        }

        byte[] native = ((DicomElement)file.Dataset.Get(DicomTag.PixelData)!).Buffer.Memory.ToArray();
        var mosaic = format with { Rows = format.Rows * format.NumberOfFrames, NumberOfFrames = 1 };
        string raw = Path.Combine(work, "j2k-mosaic.rawl");
        await File.WriteAllBytesAsync(raw, native, ct);
        string shape = string.Create(CultureInfo.InvariantCulture,
            $"{mosaic.Columns},{mosaic.Rows},1,{format.BitsStored},{(format.PixelRepresentation == 1 ? "s" : "u")}");
        double mb = native.Length / 1e6;
        foreach ((string name, string uid, string[] options) in new[]
                 {
                     ("JPEG 2000 lossless 5/3 (opj default)", DicomTransferSyntax.Jpeg2000Lossless.Uid, Array.Empty<string>()),
                     ("JPEG 2000 9/7, 10:1", "1.2.840.10008.1.2.4.91", ["-I", "-r", "10"]),
                 })
        {
            string codestream = Path.Combine(work, "j2k-mosaic.j2k");
            double theirEncode = await Timing.MedianProcessAsync(compress, ["-i", raw, "-F", shape, "-o", codestream, .. options], 1, ct);
            byte[] bytes = await File.ReadAllBytesAsync(codestream, ct);
            var codec = new Jpeg2000Codec(DicomTransferSyntax.FromUid(uid));
            byte[] output = new byte[mosaic.FrameLength];
            double ourDecode = Timing.Median(rounds, () => codec.Decode(bytes, mosaic, output));
            double theirDecode = await Timing.MedianProcessAsync(decompress, ["-i", codestream, "-o", Path.Combine(work, "j2k-out.rawl")], rounds, ct);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} | {name} | (no encoder) | {mb / theirEncode:F0} (opj_compress) | {mb / ourDecode:F0} | {mb / theirDecode:F0} (opj_decompress) | | " +
                $"{theirDecode / ourDecode:F2}× | {native.Length / (double)bytes.Length:F2}:1 |");
        }
    }
}
