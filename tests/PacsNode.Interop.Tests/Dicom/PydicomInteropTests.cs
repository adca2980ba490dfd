using PacsNode.Dicom;
using PacsNode.Dicom.IO;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Dicom;

/// <summary>
/// pydicom (Debian's python3-pydicom) reads every file PacsNode writes: every corpus file in its own syntax and in
/// each uncompressed encoding (explicit, implicit, big endian, deflated).
/// </summary>
[Trait("Category", "Interop")]
public sealed class PydicomInteropTests
{
    private const string Script = """
        import sys, pydicom
        bad = 0
        for path in sys.argv[1:]:
            try:
                ds = pydicom.dcmread(path)
                ds.decode()
                count = sum(1 for _ in ds.iterall())
                if 'PixelData' in ds:
                    _ = len(ds.PixelData)
                print('OK', count, path)
            except Exception as e:
                bad += 1
                print('FAIL', path, type(e).__name__, e)
        sys.exit(1 if bad else 0)
        """;

    [Fact]
    public async Task Pydicom_ReadsEveryFileWeWrite()
    {
        RequiresTool.SharedTestData();
        PythonRunner python = await RequiresTool.PydicomAsync(TestContext.Current.CancellationToken);
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("pydicom");
        var written = new List<string>();
        IReadOnlyList<string> files = TestData.AllPart10Files();
        DicomTransferSyntax?[] targets =
        [
            null, DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian,
            DicomTransferSyntax.ExplicitVRBigEndian, DicomTransferSyntax.DeflatedExplicitVRLittleEndian,
        ];
        int refused = 0;
        foreach (string file in files)
        {
            DicomFile read = await DicomFile.OpenAsync(file, cancellationToken: ct);
            foreach (DicomTransferSyntax? target in targets)
            {
                string output = dir.Combine($"{written.Count}.dcm");
                try
                {
                    await read.SaveAsync(output, new DicomWriteOptions { TransferSyntax = target }, ct);
                    written.Add(output);
                }
                catch (DicomException) when (read.TransferSyntax.IsEncapsulated && target is not null)
                {
                    refused++;
                }
            }
        }

        Assert.Equal(files.Count * targets.Length, written.Count + refused);
        ToolResult result = await python.RunScriptAsync(Script, written,
            new ToolRunOptions { Timeout = TimeSpan.FromMinutes(5), LogToTestOutput = false }, ct);
        string failures = string.Join('\n', result.StandardOutput.Split('\n').Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)));
        Assert.True(result.ExitCode == 0, $"pydicom could not read:\n{failures}\n{result.StandardError}");
        Assert.Equal(written.Count, result.StandardOutput.Split('\n').Count(l => l.StartsWith("OK", StringComparison.Ordinal)));
        TestContext.Current.TestOutputHelper?.WriteLine($"pydicom read all {written.Count} files written; {refused} transcodings of compressed pixels refused");
    }
}
