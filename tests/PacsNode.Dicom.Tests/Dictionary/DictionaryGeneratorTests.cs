using System.Diagnostics;
using Xunit;

namespace PacsNode.Dicom.Tests.Dictionary;

/// <summary>
/// The committed src/PacsNode.Dicom/Dictionary/Generated/*.g.cs must be what scripts/gen-dictionary.py writes from
/// the installed pydicom tables: a stale file means someone edited generated code or changed the script without
/// running it. Skipped where /usr/bin/python3 or Debian's python3-pydicom is missing.
/// </summary>
public sealed class DictionaryGeneratorTests
{
    private const string Python = "/usr/bin/python3";
    private const string PydicomDirectory = "/usr/lib/python3/dist-packages/pydicom";

    [Fact]
    public async Task GenerateDictionary_FromInstalledPydicom_MatchesCommittedFiles()
    {
        Assert.SkipUnless(File.Exists(Python), $"{Python} is missing");
        Assert.SkipUnless(
            File.Exists(Path.Combine(PydicomDirectory, "_dicom_dict.py")),
            $"pydicom's tables are missing from {PydicomDirectory} (install Debian's python3-pydicom)");
        string root = FindRepositoryRoot();
        string committed = Path.Combine(root, "src", "PacsNode.Dicom", "Dictionary", "Generated");
        string output = Directory.CreateTempSubdirectory("pacsnode-gen-dictionary-").FullName;
        try
        {
            await RunGeneratorAsync(root, output, TestContext.Current.CancellationToken);

            string[] expectedFiles = FileNames(output);
            Assert.NotEmpty(expectedFiles);
            Assert.Equal(expectedFiles, FileNames(committed));
            CancellationToken cancellationToken = TestContext.Current.CancellationToken;
            foreach (string name in expectedFiles)
            {
                string expected = await File.ReadAllTextAsync(Path.Combine(output, name), cancellationToken);
                string actual = await File.ReadAllTextAsync(Path.Combine(committed, name), cancellationToken);

                // A checkout with CRLF line endings is still up to date.
                Assert.True(
                    expected == actual.ReplaceLineEndings("\n"),
                    $"{name} is stale: run /usr/bin/python3 scripts/gen-dictionary.py and commit the result");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task RunGeneratorAsync(string root, string output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Python)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(root, "scripts", "gen-dictionary.py"));
        start.ArgumentList.Add(output);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start");
        try
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            string log = await stdout + await stderr;
            TestContext.Current.TestOutputHelper?.WriteLine(log);
            Assert.True(process.ExitCode == 0, $"gen-dictionary.py exited with {process.ExitCode}: {log}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string[] FileNames(string directory) =>
        [.. Directory.GetFiles(directory, "*.g.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static string FindRepositoryRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "gen-dictionary.py")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException($"no scripts/gen-dictionary.py above {AppContext.BaseDirectory}");
    }
}
