using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Dicom;

/// <summary>pydicom (Debian's python3-pydicom) reads every file pacsnode writes, in every uncompressed encoding.</summary>
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
        IReadOnlyList<string> files = TestData.AllPart10Files()
            .GroupBy(Path.GetDirectoryName).SelectMany(g => g.Take(2)).ToList();
        foreach (string file in files)
        {
            foreach (string target in new[] { "same", "explicit", "implicit", "big", "deflate" })
            {
                string output = dir.Combine($"{written.Count}-{target}.dcm");
                string[] args = target == "same" ? ["convert", file, output] : ["convert", file, output, "--ts", target];
                ToolResult run = await PacsNodeCli.RunAsync(args, new ToolRunOptions { LogToTestOutput = false }, ct);
                if (run.ExitCode == 0)
                {
                    written.Add(output);
                }
            }
        }

        Assert.True(written.Count >= files.Count * 3, $"only {written.Count} files were written");
        ToolResult result = await python.RunScriptAsync(Script, written, new ToolRunOptions { Timeout = TimeSpan.FromMinutes(5) }, ct);
        string failures = string.Join('\n', result.StandardOutput.Split('\n').Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)));
        Assert.True(result.ExitCode == 0, $"pydicom could not read:\n{failures}\n{result.StandardError}");
        Assert.Equal(written.Count, result.StandardOutput.Split('\n').Count(l => l.StartsWith("OK", StringComparison.Ordinal)));
    }
}
