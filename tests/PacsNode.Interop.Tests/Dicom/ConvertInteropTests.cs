using System.Collections.Concurrent;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Dicom;

/// <summary>
/// Every Part 10 file of the shared corpus, converted by <c>pacsnode convert</c> and judged by DCMTK's dcmdump:
/// the listing outside group 0002 and group lengths must equal the original's, pixel data byte for byte (dcmdump
/// writes it out with +W). To implicit VR, what implicit VR cannot carry may differ: private elements no
/// dictionary knows (compared by presence only) and the VR of US/SS and OB/OW elements.
/// </summary>
[Trait("Category", "Interop")]
public sealed class ConvertInteropTests
{
    public static TheoryData<string> Targets => ["same", "explicit", "implicit", "big", "deflate"];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Convert_EveryCorpusFile_DcmdumpListingEqualsOriginal(string target)
    {
        RequiresTool.SharedTestData();
        string dcmdump = RequiresTool.Dcmtk("dcmdump");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("convert-" + target);
        var failures = new ConcurrentBag<string>();
        int converted = 0;
        int refused = 0;
        int decompressed = 0;
        IReadOnlyList<string> files = TestData.AllPart10Files();
        await Parallel.ForEachAsync(files.Select((f, i) => (f, i)),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (entry, token) =>
            {
                (string file, int index) = entry;
                string caseDir = dir.Combine(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(caseDir);
                string output = Path.Combine(caseDir, "out.dcm");
                string[] args = target == "same" ? ["convert", file, output] : ["convert", file, output, "--ts", target];
                ToolResult run = await PacsNodeCli.RunAsync(args, new ToolRunOptions { LogToTestOutput = false }, token);
                List<DumpLine> original = await DumpAsync(dcmdump, file, Path.Combine(caseDir, "a"), token);
                bool compressed = original.Any(l => l.VR == "pi");
                if (compressed && target != "same" && run.ExitCode == 0)
                {
                    // The reference for a decompressed file is DCMTK's own decompression of the original.
                    string reference = Path.Combine(caseDir, "dcmtk-decompressed.dcm");
                    (await ExternalTool.RunAsync(RequiresTool.Dcmtk("dcmdjpeg"), [file, reference],
                        new ToolRunOptions { LogToTestOutput = false }, token)).AssertSuccess();
                    original = await DumpAsync(dcmdump, reference, Path.Combine(caseDir, "r"), token);
                    Interlocked.Increment(ref decompressed);
                }

                if (run.ExitCode != 0)
                {
                    if (compressed && target != "same" && run.StandardError.Contains("codecs", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref refused);
                        return;
                    }

                    failures.Add($"{file}: exit {run.ExitCode}: {run.StandardError.Trim()}");
                    return;
                }

                List<DumpLine> converted2 = await DumpAsync(dcmdump, output, Path.Combine(caseDir, "b"), token);
                string? difference = Compare(original, converted2, target == "implicit");
                if (difference is not null)
                {
                    failures.Add($"{file} → {target}: {difference}");
                }

                Interlocked.Increment(ref converted);
                Directory.Delete(caseDir, recursive: true);
            });

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{converted} files converted to {target} and equal under dcmdump ({decompressed} JPEG files decompressed, " +
            $"compared with dcmdjpeg's decompression); {refused} refused for want of a codec");
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        Assert.True(converted >= files.Count - refused && converted > 0);
    }

    private static async Task<List<DumpLine>> DumpAsync(string dcmdump, string file, string rawDir, CancellationToken ct)
    {
        Directory.CreateDirectory(rawDir);
        ToolResult dump = await ExternalTool.RunAsync(dcmdump, ["-q", "+W", rawDir, file],
            new ToolRunOptions { LogToTestOutput = false }, ct);
        dump.AssertSuccess();
        return await DcmdumpListing.ResolveRawValuesAsync(DcmdumpListing.Parse(dump.StandardOutput), rawDir, file, ct);
    }

    /// <summary>The first difference, or null when the listings agree.</summary>
    private static string? Compare(List<DumpLine> original, List<DumpLine> converted, bool implicitTarget)
    {
        List<DumpLine> a = DcmdumpListing.Comparable(original, dropPrivate: implicitTarget);
        List<DumpLine> b = DcmdumpListing.Comparable(converted, dropPrivate: implicitTarget);
        if (implicitTarget)
        {
            var privateA = original.Where(l => l.IsPrivate && l.Depth == 0).Select(l => l.Tag).ToHashSet(StringComparer.Ordinal);
            var privateB = converted.Where(l => l.IsPrivate && l.Depth == 0).Select(l => l.Tag).ToHashSet(StringComparer.Ordinal);
            if (!privateA.SetEquals(privateB))
            {
                return $"private elements differ: {string.Join(' ', privateA.Except(privateB))} | {string.Join(' ', privateB.Except(privateA))}";
            }
        }

        for (int i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            if (i >= a.Count || i >= b.Count)
            {
                return $"listing lengths differ ({a.Count} vs {b.Count}); first extra: {(i < a.Count ? a[i] : b[i])}";
            }

            DumpLine x = a[i];
            DumpLine y = b[i];
            if (x.Tag != y.Tag || x.Depth != y.Depth)
            {
                return $"line {i}: '{x}' vs '{y}'";
            }

            if (x.VR == "??")
            {
                // DCMTK could not tell this element's VR from an implicit VR original (a private element it
                // has no dictionary for); the converted file carries the VR our dictionary knows, or UN.
                continue;
            }

            if (x.VR != y.VR && !(implicitTarget && (IsAmbiguousPair(x.VR, y.VR) || IsNonStandardVR(x))))
            {
                return $"VR of {x.Tag}: {x.VR} vs {y.VR}";
            }

            if (DcmdumpListing.Normalise(x) != DcmdumpListing.Normalise(y) && !(implicitTarget && x.VR != y.VR))
            {
                return $"value of {x.Tag}: '{x.Value}' vs '{y.Value}'";
            }
        }

        return null;
    }

    /// <summary>
    /// PS3.5 A.1: the pairs whose choice an implicit VR stream cannot carry; DCMTK prints the unresolved choice
    /// as xs (US or SS), ox (OB or OW) and lt (US, SS or OW).
    /// </summary>
    private static bool IsAmbiguousPair(string a, string b) =>
        (a is "US" or "SS" or "OW" or "xs" or "lt" && b is "US" or "SS" or "OW" or "xs" or "lt") ||
        (a is "OB" or "OW" or "ox" && b is "OB" or "OW" or "ox");

    /// <summary>
    /// An element the original encodes with a VR its dictionary entry does not allow (e.g. a date as DS): an
    /// implicit VR reader can only assume the dictionary's VR, so that VR cannot survive implicit encoding.
    /// </summary>
    private static bool IsNonStandardVR(DumpLine line)
    {
        if (!PacsNode.Dicom.Dictionary.DicomTag.TryParse(line.Tag, out var tag) ||
            PacsNode.Dicom.Dictionary.DicomDictionary.Lookup(tag) is not { } entry)
        {
            return false;
        }

        return !entry.VRs.Any(vr => string.Equals(PacsNode.Dicom.Dictionary.DicomVRInfo.ToCode(vr), line.VR, StringComparison.Ordinal));
    }
}
