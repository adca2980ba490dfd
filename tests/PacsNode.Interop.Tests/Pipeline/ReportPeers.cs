using System.Diagnostics;
using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.IO;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Pipeline;

/// <summary>
/// What the pipeline's acceptance tests ask the Debian peers: findscu for the node's result series, dciodvfy's verdict,
/// and pydicom's own walk of an SR's content tree (independent of the node's SR reader).
/// </summary>
internal static class ReportPeers
{
    /// <summary>
    /// Prints one tab-separated line per NUM inside a TID 1411 measurement group (125007): tracking identifier
    /// (112039), concept code, derivation code (121401) or empty, unit code, value (FloatingPointValue when present).
    /// </summary>
    private const string MeasurementsScript = """
        import sys, pydicom
        ds = pydicom.dcmread(sys.argv[1])
        def code(item, attr):
            seq = getattr(item, attr, None)
            return (getattr(seq[0], 'CodeValue', None) or getattr(seq[0], 'LongCodeValue', '')) if seq else ''
        def walk(items, tracking):
            for it in items:
                name = code(it, 'ConceptNameCodeSequence')
                children = list(getattr(it, 'ContentSequence', []))
                if it.ValueType == 'CONTAINER' and name == '125007':
                    ids = [c.TextValue for c in children if c.ValueType == 'TEXT' and code(c, 'ConceptNameCodeSequence') == '112039']
                    walk(children, ids[0] if ids else '?')
                    continue
                if it.ValueType == 'NUM' and tracking is not None and 'MeasuredValueSequence' in it:
                    mv = it.MeasuredValueSequence[0]
                    derivation = ''.join(code(c, 'ConceptCodeSequence') for c in children if code(c, 'ConceptNameCodeSequence') == '121401')
                    value = float(mv.FloatingPointValue) if 'FloatingPointValue' in mv else float(mv.NumericValue)
                    print('\t'.join([tracking, name, derivation, code(mv, 'MeasurementUnitsCodeSequence'), repr(value)]))
                walk(children, tracking)
        walk(ds.ContentSequence, None)
        """;

    /// <summary>The series of a study with the given modality, by findscu at SERIES level (Study Root).</summary>
    public static async Task<IReadOnlyList<DicomDataset>> FindSeriesAsync(int port, string studyUid, string modality, CancellationToken ct)
    {
        using var into = new TempDirectory("findscu");
        ToolResult find = await ExternalTool.RunAsync(RequiresTool.Dcmtk("findscu"),
            ["-S", "-aec", "PACSNODE", "-X", "-od", into.FullPath, "-k", "QueryRetrieveLevel=SERIES", "-k", $"StudyInstanceUID={studyUid}",
                "-k", $"Modality={modality}", "-k", "SeriesInstanceUID", "-k", "NumberOfSeriesRelatedInstances", "-k", "SeriesDescription",
                "127.0.0.1", port.ToString(CultureInfo.InvariantCulture)],
            new ToolRunOptions { LogToTestOutput = false }, ct);
        find.AssertSuccess();
        var answers = new List<DicomDataset>();
        foreach (string path in Directory.GetFiles(into.FullPath, "rsp*.dcm").Order(StringComparer.Ordinal))
        {
            answers.Add((await DicomFile.OpenAsync(path, null, ct)).Dataset);
        }

        return answers;
    }

    /// <summary>Polls findscu every 250 ms until the study has a series of the modality; fails after <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<DicomDataset>> WaitForSeriesAsync(
        int port, string studyUid, string modality, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            IReadOnlyList<DicomDataset> found = await FindSeriesAsync(port, studyUid, modality, ct);
            if (found.Count > 0)
            {
                return found;
            }

            Assert.True(clock.Elapsed < timeout, $"no {modality} series in study {studyUid} after {timeout.TotalSeconds} s");
            await Task.Delay(250, ct);
        }
    }

    /// <summary>dciodvfy prints no line that starts with "Error"; its output is returned for further checks.</summary>
    public static async Task<string> AssertDciodvfyCleanAsync(string path, CancellationToken ct)
    {
        ToolResult check = await ExternalTool.RunAsync(RequiresTool.OnPath("dciodvfy", "dicom3tools"), [path],
            new ToolRunOptions { LogToTestOutput = false }, ct);
        string output = check.StandardOutput + check.StandardError;
        string[] errors = [.. output.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal))];
        Assert.True(errors.Length == 0, $"dciodvfy {path}:\n{output}");
        return output;
    }

    /// <summary>Every NUM of every measurement group, as pydicom reads it.</summary>
    public static async Task<IReadOnlyList<SrNumber>> PydicomMeasurementsAsync(string path, CancellationToken ct)
    {
        PythonRunner python = await RequiresTool.PydicomAsync(ct);
        ToolResult run = (await python.RunScriptAsync(MeasurementsScript, [path], new ToolRunOptions { LogToTestOutput = false }, ct))
            .AssertSuccess();
        return [.. run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(SrNumber.Parse)];
    }
}
