using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Phantoms;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Pipeline;

/// <summary>
/// Issue 5's lifecycle acceptance points against <c>pacsnode serve</c> fed by storescu: a kill -9 while a job runs
/// loses nothing and makes exactly one report after the restart; the same study sent twice gives one report; a late
/// slice gives a second version that names the first in its Predecessor Documents Sequence.
/// </summary>
[Trait("Category", "Interop")]
public sealed class PipelineLifecycleInteropTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kill9WhileJobRuns_Restart_ExactlyOneReportAndTheJobDone()
    {
        RequiresTool.Dcmtk("storescu");
        using var dir = new TempDirectory("pipeline-kill");
        PipelineStudy study = await PipelineStudy.GenerateAsync(
            PhantomSpec.Create(PhantomTracer.Fdg, 128, 128, 240) with { IncludeCt = false }, dir.Combine("study"), Token);
        string data = dir.Combine("data");
        var settings = new Dictionary<string, string?> { ["PacsNode__Pipeline__QuietSeconds"] = "2" };
        await using (PacsNodeServer node = await PacsNodeServer.StartAsync(data, settings, cancellationToken: Token))
        {
            await StorescuAsync(node, study.PetFiles);
            await WaitForJobStateAsync(data, "running", TimeSpan.FromSeconds(60));
            await node.Process.KillAsync(Token);
        }

        await using (PacsNodeServer node = await PacsNodeServer.StartAsync(data, settings, cancellationToken: Token))
        {
            await WaitForJobStateAsync(data, "done", TimeSpan.FromSeconds(90));
            await node.StopAsync(Token);
        }

        (string State, int Attempts)[] jobs = JobRows(data);
        Assert.Equal([("done", 2)], jobs);
        Assert.Equal(1, CountInstances(data, study.StudyUid, "SR"));
        Assert.Equal(1, CountInstances(data, study.StudyUid, "SEG"));
    }

    [Fact]
    public async Task SameStudyTwiceThenLateSlice_OneReportThenVersionTwoNamingVersionOne()
    {
        RequiresTool.Dcmtk("storescu");
        using var dir = new TempDirectory("pipeline-versions");
        PipelineStudy study = await PipelineStudy.GenerateAsync(
            PhantomSpec.Create(PhantomTracer.Fdg, 64, 64, 48) with { IncludeCt = false }, dir.Combine("study"), Token);
        string data = dir.Combine("data");
        string[] early = [.. study.PetFiles.Take(study.PetFiles.Count - 1)];
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(data,
            new Dictionary<string, string?> { ["PacsNode__Pipeline__QuietSeconds"] = "2" }, cancellationToken: Token);

        await StorescuAsync(node, early);
        await ReportPeers.WaitForSeriesAsync(node.Port, study.StudyUid, "SR", TimeSpan.FromSeconds(60), Token);
        await StorescuAsync(node, early);
        await Task.Delay(TimeSpan.FromSeconds(6), Token);
        Assert.Equal(1, CountInstances(data, study.StudyUid, "SR"));
        Assert.Single(JobRows(data));

        await StorescuAsync(node, [study.PetFiles[^1]]);
        await WaitUntilAsync(() => CountInstances(data, study.StudyUid, "SR") == 2, TimeSpan.FromSeconds(60));

        DicomDataset[] versions = await StoredAsync(data, study.StudyUid, "SR");
        DicomDataset v1 = versions.Single(v => v.GetString(DicomTag.InstanceNumber) == "1");
        DicomDataset v2 = versions.Single(v => v.GetString(DicomTag.InstanceNumber) == "2");
        Assert.Equal([v1.GetString(DicomTag.SOPInstanceUID)], Tid1500Reader.Read(v2).Predecessors.Select(p => p.SopInstanceUid));
        Assert.Empty(Tid1500Reader.Read(v1).Predecessors);
        Assert.Equal(2, CountInstances(data, study.StudyUid, "SEG"));
        ToolResult results = (await PacsNodeCli.RunAsync(["results", study.StudyUid, "--json", "--data", data], cancellationToken: Token)).AssertSuccess();
        using var json = JsonDocument.Parse(results.StandardOutput);
        Assert.Equal(v2.GetString(DicomTag.SOPInstanceUID), json.RootElement.GetProperty("sopInstanceUid").GetString());
        Assert.Equal([v1.GetString(DicomTag.SOPInstanceUID)], json.RootElement.GetProperty("predecessors").EnumerateArray().Select(p => p.GetString()));
    }

    private static async Task StorescuAsync(PacsNodeServer node, IReadOnlyList<string> files) =>
        (await ExternalTool.RunAsync(RequiresTool.Dcmtk("storescu"), ["-aec", "PACSNODE", "127.0.0.1", node.PortText, .. files],
            new ToolRunOptions { LogToTestOutput = false }, Token)).AssertSuccess();

    private static Task WaitForJobStateAsync(string data, string state, TimeSpan timeout) =>
        WaitUntilAsync(() => JobRows(data).Any(j => j.State == state), timeout, TimeSpan.FromMilliseconds(10));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"condition not met after {timeout.TotalSeconds} s");
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(200), Token);
        }
    }

    private static SqliteConnection Open(string data)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(data, "index.sqlite"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static (string State, int Attempts)[] JobRows(string data)
    {
        if (!File.Exists(Path.Combine(data, "index.sqlite")))
        {
            return [];
        }

        using SqliteConnection connection = Open(data);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT state, attempts FROM job ORDER BY id";
        var rows = new List<(string, int)>();
        try
        {
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }
        catch (SqliteException)
        {
            // The node has not created the job table yet.
        }

        return [.. rows];
    }

    private static long CountInstances(string data, string studyUid, string modality)
    {
        using SqliteConnection connection = Open(data);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM instance i JOIN series s ON s.pk = i.series_pk JOIN study t ON t.pk = s.study_pk
            WHERE t.study_uid = $study AND s.modality = $modality
            """;
        command.Parameters.AddWithValue("$study", studyUid);
        command.Parameters.AddWithValue("$modality", modality);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static async Task<DicomDataset[]> StoredAsync(string data, string studyUid, string modality)
    {
        var datasets = new List<DicomDataset>();
        foreach (string path in StoredPaths(data, studyUid, modality))
        {
            datasets.Add((await DicomFile.OpenAsync(path, null, Token)).Dataset);
        }

        return [.. datasets];
    }

    private static List<string> StoredPaths(string data, string studyUid, string modality)
    {
        var paths = new List<string>();
        using SqliteConnection connection = Open(data);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.file_path FROM instance i JOIN series s ON s.pk = i.series_pk JOIN study t ON t.pk = s.study_pk
            WHERE t.study_uid = $study AND s.modality = $modality
            """;
        command.Parameters.AddWithValue("$study", studyUid);
        command.Parameters.AddWithValue("$modality", modality);
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            paths.Add(reader.GetString(0));
        }

        return paths;
    }
}
