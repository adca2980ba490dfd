using System.Globalization;
using System.Text;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.IO;

namespace PacsNode.Benchmarks;

/// <summary>
/// Encode and decode throughput of each codec on three multi-frame images large enough that DCMTK's process start
/// is small against its codec time (the "dcmconv copy" row measures start and file I/O alone): a 12-bit CT of
/// 48 frames of 512×512, a 16-bit signed PET of 300 frames of 200×200 made from the real Siemens slice, and an
/// 8-bit RGB image of 24 frames of 512×512 (JPEG-LS line-interleaved on both sides, dcmcjpls's default).
/// PacsNode is timed in process on the whole image; DCMTK's tools file to file. Medians over rounds.
/// </summary>
internal static class CodecBenchmark
{
    private static readonly (string Name, DicomTransferSyntax Syntax, string Encoder, string[] EncoderArgs, string Decoder)[] Codecs =
    [
        ("RLE", DicomTransferSyntax.RleLossless, "dcmcrle", [], "dcmdrle"),
        ("JPEG Lossless SV1", DicomTransferSyntax.JpegLosslessSV1, "dcmcjpeg", ["+e1"], "dcmdjpeg"),
        ("JPEG-LS lossless", DicomTransferSyntax.JpegLSLossless, "dcmcjpls", [], "dcmdjpls"),
    ];

    public static async Task<int> RunAsync(string work, int rounds, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(work);
        var table = new StringBuilder();
        table.AppendLine("| image | codec | pacsnode encode MB/s | DCMTK encode MB/s | pacsnode decode MB/s | DCMTK decode MB/s | encode ratio | decode ratio | compression |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|");
        string ct = await Corpus.WriteMultiFrameAsync(Path.Combine(work, "ct-multiframe.dcm"), 512, 512, 48, pet: false, cancellationToken);
        string pet = await Corpus.WriteMultiFrameAsync(Path.Combine(work, "pet-multiframe.dcm"), 200, 200, 300, pet: true, cancellationToken);
        string rgb = await Corpus.WriteRgbMultiFrameAsync(Path.Combine(work, "rgb-multiframe.dcm"), 512, 512, 24, cancellationToken);
        foreach ((string label, string path) in new[]
        {
            ("CT 512×512×48, 12-bit", ct), ("PET 200×200×300, 16-bit signed", pet), ("RGB 512×512×24, 8-bit", rgb),
        })
        {
            DicomFile file = await DicomFile.OpenAsync(path, cancellationToken: cancellationToken);
            long nativeBytes = ((DicomElement)file.Dataset.Get(DicomTag.PixelData)!).Length;
            double mb = nativeBytes / 1e6;
            double overhead = await Timing.MedianProcessAsync("dcmconv", [path, Path.Combine(work, "conv.dcm")], rounds, cancellationToken);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} ({mb:F0} MB) | dcmconv copy (DCMTK process start and file I/O only) | | {mb / overhead:F0} | | {mb / overhead:F0} | | | |");
            foreach ((string name, DicomTransferSyntax syntax, string encoder, string[] encoderArgs, string decoder) in Codecs)
            {
                DicomDataset encoded = DicomTranscoder.ForSyntax(file.Dataset, file.TransferSyntax, syntax);
                long compressedBytes = ((DicomFragmentSequence)encoded.Get(DicomTag.PixelData)!).Fragments.Sum(f => f.Length);
                double ourEncode = Timing.Median(rounds, () => DicomTranscoder.ForSyntax(file.Dataset, file.TransferSyntax, syntax));
                double ourDecode = Timing.Median(rounds, () => DicomTranscoder.ForSyntax(encoded, syntax, DicomTransferSyntax.ExplicitVRLittleEndian));
                string compressed = Path.Combine(work, $"{name.Replace(' ', '_')}.dcm");
                double theirEncode = await Timing.MedianProcessAsync(encoder, [.. encoderArgs, path, compressed], rounds, cancellationToken);
                double theirDecode = await Timing.MedianProcessAsync(decoder, [compressed, Path.Combine(work, "decoded.dcm")], rounds, cancellationToken);
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {label} | {name} | {mb / ourEncode:F0} | {mb / theirEncode:F0} | {mb / ourDecode:F0} | {mb / theirDecode:F0} | " +
                    $"{theirEncode / ourEncode:F2}× | {theirDecode / ourDecode:F2}× | {nativeBytes / (double)compressedBytes:F2}:1 |");
            }

            await Jpeg2000Benchmark.AppendAsync(table, label, file, work, rounds, cancellationToken);
        }

        Console.WriteLine(table.ToString());
        return 0;
    }
}
