using System.Text.RegularExpressions;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Storage.Index;
using PacsNode.Storage.Queries;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Node;

/// <summary>
/// What a Success from <c>pacsnode serve</c> is worth: storescu sends 500 instances (copies of a real PET slice with new
/// UIDs); the node is killed with SIGKILL part-way, or stopped with SIGTERM; after a restart on the same data folder every
/// instance storescu saw Success for is on disk and in the index, every indexed instance has its file, every file
/// under the store parses whole, and no temporary file is left.
/// </summary>
[Trait("Category", "Interop")]
public sealed partial class NodeDurabilityInteropTests
{
    private const int Instances = 500;

    /// <summary>
    /// The store path alone: the pipeline is off, so the store holds only what storescu sent (these copies of one slice
    /// share a position, so the pipeline would add a not-quantified SR, which the checks below would count).
    /// </summary>
    private static IReadOnlyDictionary<string, string?> StoreOnly { get; } =
        new Dictionary<string, string?> { ["PacsNode__Pipeline__Enabled"] = "false" };

    [Fact]
    public async Task Kill9_DuringStorescu_EverySuccessSurvivesAndNothingIsHalfWritten()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("kill9");
        (string study, IReadOnlyList<string> files) = await GenerateAsync(dir, ct);
        string data = dir.Combine("data");

        ToolResult storescu;
        await using (PacsNodeServer node = await PacsNodeServer.StartAsync(data, StoreOnly, cancellationToken: ct))
        {
            await using RunningTool sender = StartStorescu(node, files);
            await WaitForSuccessesAsync(sender, 100, ct);
            await node.Process.KillAsync(ct);
            storescu = await sender.WaitForExitAsync(ct);
        }

        HashSet<string> acknowledged = Acknowledged(storescu.StandardError + storescu.StandardOutput, files);
        Assert.InRange(acknowledged.Count, 100, Instances - 1);
        await AssertStoreIsConsistentAsync(data, study, acknowledged, ct);
    }

    [Fact]
    public async Task Sigterm_DuringStorescu_InFlightStoresFinishAndTheNodeExitsCleanly()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("sigterm");
        (string study, IReadOnlyList<string> files) = await GenerateAsync(dir, ct);
        string data = dir.Combine("data");

        ToolResult storescu, stopped;
        await using (PacsNodeServer node = await PacsNodeServer.StartAsync(data,
                         new Dictionary<string, string?>(StoreOnly) { ["PacsNode__Listener__ShutdownGraceSeconds"] = "60" }, cancellationToken: ct))
        {
            await using RunningTool sender = StartStorescu(node, files);
            await WaitForSuccessesAsync(sender, 50, ct);
            stopped = await node.StopAsync(ct);
            storescu = await sender.WaitForExitAsync(ct);
        }

        HashSet<string> acknowledged = Acknowledged(storescu.StandardError + storescu.StandardOutput, files);
        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains("association(s) still running get up to", stopped.StandardOutput, StringComparison.Ordinal);
        storescu.AssertSuccess();
        Assert.Equal(Instances, acknowledged.Count);
        await AssertStoreIsConsistentAsync(data, study, acknowledged, ct);
    }

    private static async Task<(string Study, IReadOnlyList<string> Files)> GenerateAsync(TempDirectory dir, CancellationToken ct)
    {
        string study = DicomStudyFactory.NewUid();
        IReadOnlyList<string> files = await DicomStudyFactory.WriteSeriesAsync(
            TestData.Path("suyashkumar-dicom", "1.dcm"), dir.Combine("in"), Instances, study, ct);
        return (study, files);
    }

    private static RunningTool StartStorescu(PacsNodeServer node, IReadOnlyList<string> files) =>
        ExternalTool.Start(RequiresTool.Dcmtk("storescu"), ["-v", "-xs", "-aec", node.AeTitle, "127.0.0.1", node.PortText, .. files],
            new ToolRunOptions { Timeout = TimeSpan.FromMinutes(5) });

    private static async Task WaitForSuccessesAsync(RunningTool sender, int count, CancellationToken ct)
    {
        while (SuccessLine().Count(sender.StandardError + sender.StandardOutput) < count)
        {
            Assert.False(sender.HasExited, "storescu finished before the node was stopped");
            await Task.Delay(5, ct);
        }
    }

    /// <summary>SOP Instance UIDs of the files storescu -v reported a Success response for.</summary>
    private static HashSet<string> Acknowledged(string log, IReadOnlyList<string> files)
    {
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        string? sending = null;
        foreach (string line in log.Split('\n'))
        {
            if (line.StartsWith("I: Sending file: ", StringComparison.Ordinal))
            {
                sending = line["I: Sending file: ".Length..].Trim();
            }
            else if (SuccessLine().IsMatch(line) && sending is not null)
            {
                Assert.Contains(sending, files);
                acknowledged.Add(Path.GetFileName(sending));
                sending = null;
            }
        }

        return acknowledged;
    }

    private static async Task AssertStoreIsConsistentAsync(string data, string study, HashSet<string> acknowledgedFiles, CancellationToken ct)
    {
        // Restart on the same folder: start-up sweeps temporary and spool files; then stop cleanly.
        await using (PacsNodeServer again = await PacsNodeServer.StartAsync(data, StoreOnly, cancellationToken: ct))
        {
            Assert.Equal(0, (await again.StopAsync(ct)).ExitCode);
        }

        var query = new QueryService(IndexDatabase.Open(Path.Combine(data, "index.sqlite")));
        var identifier = new DicomDataset();
        identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "STUDY");
        identifier.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, study);
        IReadOnlyList<RetrieveInstance> indexed = await query.FindInstancesForRetrieveAsync(identifier, ct);
        var indexedUids = indexed.Select(i => i.SopInstanceUid).ToHashSet(StringComparer.Ordinal);

        // Every acknowledged instance is indexed (the generated files are numbered by instance number = file name).
        foreach (RetrieveInstance instance in indexed)
        {
            Assert.True(File.Exists(instance.FilePath), $"indexed but missing: {instance.FilePath}");
        }

        var acknowledgedNumbers = acknowledgedFiles.Select(f => int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var indexedNumbers = new HashSet<int>();
        string[] stored = StoredFiles.Under(Path.Combine(data, "instances"));
        foreach (string path in stored)
        {
            Assert.False(path.EndsWith(".tmp", StringComparison.Ordinal), $"temporary file left: {path}");
            DicomFile file = await DicomFile.OpenAsync(path, null, ct);
            Assert.NotNull(file.Dataset.Get(DicomTag.PixelData));
            if (indexedUids.Contains(file.Dataset.GetString(DicomTag.SOPInstanceUID)!))
            {
                file.Dataset.TryGetInt32(DicomTag.InstanceNumber, out int number);
                indexedNumbers.Add(number);
            }
        }

        Assert.Subset(indexedNumbers, acknowledgedNumbers);
        Assert.Empty(Directory.GetFiles(Path.Combine(data, "spool")));
    }

    [GeneratedRegex(@"^I: Received Store Response \(Success\)", RegexOptions.Multiline)]
    private static partial Regex SuccessLine();
}
