using System.Collections.Concurrent;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Dicom;

/// <summary><c>pacsnode dump</c> lists the same elements, with the same VRs, as DCMTK's dcmdump, for every corpus file.</summary>
[Trait("Category", "Interop")]
public sealed class DumpInteropTests
{
    [Fact]
    public async Task Dump_EveryCorpusFile_ListsDcmdumpsTagsAndVRs()
    {
        RequiresTool.SharedTestData();
        string dcmdump = RequiresTool.Dcmtk("dcmdump");
        CancellationToken ct = TestContext.Current.CancellationToken;
        var failures = new ConcurrentBag<string>();
        IReadOnlyList<string> files = TestData.AllPart10Files();
        await Parallel.ForEachAsync(files,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (file, token) =>
            {
                ToolResult ours = await PacsNodeCli.RunAsync(["dump", file], new ToolRunOptions { LogToTestOutput = false }, token);
                ToolResult theirs = await ExternalTool.RunAsync(dcmdump, ["-q", file],
                    new ToolRunOptions { LogToTestOutput = false }, token);
                if (ours.ExitCode != 0 || theirs.ExitCode != 0)
                {
                    failures.Add($"{file}: pacsnode exit {ours.ExitCode} ({ours.StandardError.Trim()}), dcmdump exit {theirs.ExitCode}");
                    return;
                }

                List<DumpLine> a = Elements(theirs.StandardOutput);
                List<DumpLine> b = Elements(ours.StandardOutput);
                string? difference = FirstDifference(a, b);
                if (difference is not null)
                {
                    failures.Add($"{file}: dcmdump {a.Count} elements, pacsnode {b.Count}; {difference}");
                }
            });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public async Task Dump_NotDicom_ExitsOneWithOffsetAndReason()
    {
        using var dir = new TempDirectory("dump-bad");
        string bad = dir.Combine("bad.dcm");
        byte[] header = DicomBytes.Part10Header("1.2.840.10008.1.2.1");
        byte[] bytes = [.. header, .. new DicomBytes().Text(0x0008, 0x0060, "CS", "PT").Tag(0x0010, 0x0010).Raw([0x01, 0x02, 0x04, 0x00]).Raw("Doe^"u8).ToArray()];
        await File.WriteAllBytesAsync(bad, bytes, TestContext.Current.CancellationToken);
        ToolResult result = await PacsNodeCli.RunAsync(["dump", bad], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(bad, result.StandardError, StringComparison.Ordinal);
        Assert.Contains("InvalidVR", result.StandardError, StringComparison.Ordinal);
        Assert.Contains($"offset {header.Length + 10 + 4} ", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Every element line, nesting kept, items and delimiters left out.</summary>
    private static List<DumpLine> Elements(string listing) => DcmdumpListing.Parse(listing)
        .Where(l => !l.IsDelimiterOrItem)
        .ToList();

    /// <summary>
    /// Tags, nesting and VRs must agree line by line. Where dcmdump prints "??" (a private element of an
    /// implicit VR file that DCMTK has no dictionary for), pacsnode may name the VR its private dictionary
    /// knows, or UN.
    /// </summary>
    private static string? FirstDifference(List<DumpLine> theirs, List<DumpLine> ours)
    {
        for (int i = 0; i < Math.Max(theirs.Count, ours.Count); i++)
        {
            if (i >= theirs.Count || i >= ours.Count)
            {
                return $"first extra line: {(i < theirs.Count ? "dcmdump " + theirs[i] : "pacsnode " + ours[i])}";
            }

            DumpLine t = theirs[i];
            DumpLine o = ours[i];
            bool sameVR = t.VR == o.VR || (t.VR == "??" && t.IsPrivate);
            if (t.Tag != o.Tag || t.Depth != o.Depth || !sameVR)
            {
                return $"line {i}: dcmdump '{t.Depth} {t.Tag} {t.VR}' vs pacsnode '{o.Depth} {o.Tag} {o.VR}'";
            }
        }

        return null;
    }
}
