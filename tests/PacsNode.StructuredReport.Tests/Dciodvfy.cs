using PacsNode.TestKit;
using Xunit;

namespace PacsNode.StructuredReport.Tests;

/// <summary>
/// Runs dicom3tools' dciodvfy on a file and fails on any "Error" line. Warnings must each match one of the
/// justified patterns the caller passes (and say why in a comment there); anything else fails too.
/// </summary>
internal static class Dciodvfy
{
    /// <summary>
    /// dciodvfy knows only the coding scheme designators PS3.16 defines; private ones ("99…") are legal when declared
    /// in the Coding Scheme Identification Sequence (PS3.3 C.12.1.1.2.1), which the writer does.
    /// </summary>
    public const string PrivateSchemeWarning = "Unrecognized defined term <99PACSNODE> for value 1 of attribute <Coding Scheme Designator>";

    public static async Task AssertValidAsync(string path, IReadOnlyList<string> justifiedWarnings, CancellationToken cancellationToken)
    {
        string tool = RequiresTool.OnPath("dciodvfy", "dicom3tools");
        ToolResult result = await ExternalTool.RunAsync(tool, [path], cancellationToken: cancellationToken);
        string[] lines = (result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.DoesNotContain(lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        string[] unexplained = [.. lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) && !justifiedWarnings.Any(w => l.Contains(w, StringComparison.Ordinal)))];
        Assert.Empty(unexplained);
    }
}
