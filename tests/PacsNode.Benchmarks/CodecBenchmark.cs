using System.Diagnostics;
using System.Globalization;
using System.Text;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.IO;

namespace PacsNode.Benchmarks;

/// <summary>
/// Encode and decode throughput of each codec on a 512×512 CT slice and a 200×200 PET slice, against DCMTK's
/// command-line codec (one process per image, so DCMTK's figure includes process start and file I/O; the
/// "dcmconv" row measures that overhead alone for reference). Medians over rounds.
/// </summary>
internal static class CodecBenchmark
{
    private static readonly (string Name, DicomTransferSyntax Syntax, string Encoder, string[] EncoderArgs, string Decoder)[] Codecs =
    [
        ("RLE", DicomTransferSyntax.RleLossless, "dcmcrle", [], "dcmdrle"),
        ("JPEG Lossless SV1", DicomTransferSyntax.JpegLosslessSV1, "dcmcjpeg", ["+e1"], "dcmdjpeg"),
        ("JPEG-LS lossless", DicomTransferSyntax.JpegLSLossless, "dcmcjpls", [], "dcmdjpls"),
    ];

    public static async Task<int> RunAsync(string work, int rounds, CancellationToken ct)
    {
        Directory.CreateDirectory(work);
        string ct512 = Path.Combine(work, "ct512.dcm");
        await Corpus.WriteCtSliceAsync(ct512, ct);
        string pet = (await Corpus.WritePetSeriesAsync(Path.Combine(work, "pet1"), 1, ct))[0];
        var table = new StringBuilder();
        table.AppendLine("| image | codec | pacsnode encode MB/s | DCMTK encode MB/s | pacsnode decode MB/s | DCMTK decode MB/s | decode ratio | size ratio |");
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach ((string label, string path) in new[] { ("CT 512×512 16-bit", ct512), ("PET 200×200 16-bit", pet) })
        {
            DicomFile file = await DicomFile.OpenAsync(path, cancellationToken: ct);
            var format = PixelFormat.FromDataset(file.Dataset);
            byte[] native = ((DicomElement)file.Dataset.Get(DicomTag.PixelData)!).Buffer.Memory.ToArray();
            double mb = native.Length / 1e6;
            double overhead = await MedianProcessAsync("dcmconv", [path, Path.Combine(work, "conv.dcm")], rounds, ct);
            table.AppendLine(CultureInfo.InvariantCulture, $"| {label} | (dcmconv copy: process and I/O only) | | {mb / overhead:F0} | | {mb / overhead:F0} | | |");
            foreach ((string name, DicomTransferSyntax syntax, string encoder, string[] encoderArgs, string decoder) in Codecs)
            {
                IDicomCodec codec = DicomCodecRegistry.Find(syntax)!;
                byte[] encoded = codec.Encode(native, format);
                double ourEncode = Median(rounds * 5, () => codec.Encode(native, format));
                byte[] output = new byte[native.Length];
                double ourDecode = Median(rounds * 5, () => codec.Decode(encoded, format, output));
                string compressed = Path.Combine(work, $"{name.Replace(' ', '_')}.dcm");
                double theirEncode = await MedianProcessAsync(encoder, [.. encoderArgs, path, compressed], rounds, ct);
                double theirDecode = await MedianProcessAsync(decoder, [compressed, Path.Combine(work, "decoded.dcm")], rounds, ct);
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {label} | {name} | {mb / ourEncode:F0} | {mb / theirEncode:F0} | {mb / ourDecode:F0} | {mb / theirDecode:F0} | {theirDecode / ourDecode:F1}× | {native.Length / (double)encoded.Length:F2}:1 |");
            }
        }

        Console.WriteLine(table.ToString());
        return 0;
    }

    private static double Median(int runs, Action action)
    {
        action();
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalSeconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static async Task<double> MedianProcessAsync(string program, string[] args, int rounds, CancellationToken ct)
    {
        var times = new List<double>();
        for (int i = 0; i <= rounds; i++)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(ct);
            Task<string> stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            watch.Stop();
            _ = await stdout;
            string errors = await stderr;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} failed: {errors}");
            }

            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalSeconds);
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
