using System.Globalization;
using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Host.Commands;
using PacsNode.Host.Options;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.Storage.Queries;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

/// <summary><c>pacsnode reindex</c>: an index deleted and rebuilt from the files answers C-FIND as before.</summary>
public sealed class ReindexCommandTests : IDisposable
{
    private const string Root = "1.2.826.0.1.3680043.10.11";

    private readonly TempDirectory _temp = new("reindex");

    private string DataFolder => _temp.Combine("data");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Reindex_IndexDeleted_GivesTheSameFindAnswersAndNamesTheUnreadableFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await FillAsync(ct);
        List<string> before = await AnswersAsync(ct);
        SqliteConnection.ClearAllPools();
        foreach (string file in Directory.GetFiles(DataFolder, "index.sqlite*"))
        {
            File.Delete(file);
        }

        string garbage = Path.Combine(StorageOptions.InstancesFolder(DataFolder), Root + ".1", Root + ".1.1", "1.2.3.dcm");
        await File.WriteAllTextAsync(garbage, "not DICOM", ct);
        var output = new StringWriter();

        int exitCode = await new ReindexCommand(output).RunAsync(["--data", DataFolder], ct);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains($"reindexed {DataFolder}: 9 files indexed, 0 stale rows removed, 1 files not indexed",
            output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"  not indexed: {garbage}: ", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(StorageOptions.IndexPath(DataFolder)));
        Assert.Equal(before, await AnswersAsync(ct));
    }

    [Fact]
    public async Task Reindex_CleanFolderTwice_ExitsZeroAndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await FillAsync(ct);
        List<string> before = await AnswersAsync(ct);
        var output = new StringWriter();

        int exitCode = await new ReindexCommand(output).RunAsync(["--data", DataFolder], ct);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("9 files indexed, 0 stale rows removed, 0 files not indexed", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await AnswersAsync(ct));
    }

    [Theory]
    [InlineData("--data")]
    [InlineData("--bogus")]
    public async Task Reindex_BadArguments_ThrowsUsage(string argument) =>
        await Assert.ThrowsAsync<UsageException>(() => new ReindexCommand(new StringWriter()).RunAsync([argument], TestContext.Current.CancellationToken));

    [Fact]
    public async Task Reindex_FolderWithoutStore_FailsNamingIt()
    {
        var exception = await Assert.ThrowsAsync<CommandException>(
            () => new ReindexCommand(new StringWriter()).RunAsync(["--data", _temp.Combine("none")], TestContext.Current.CancellationToken));

        Assert.Contains("instances", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Two patients (one with a UTF-8 name), three studies, PT and CT series, nine instances.</summary>
    private async Task FillAsync(CancellationToken ct)
    {
        using var store = new InstanceStore(new InstanceStoreOptions { DataFolder = StorageOptions.InstancesFolder(DataFolder), MinimumFreeBytes = 0 });
        var database = IndexDatabase.Open(StorageOptions.IndexPath(DataFolder));
        await using var writer = new IndexWriter(database, TimeProvider.System);
        var archive = new InstanceArchive(store, writer, TimeProvider.System);
        (string Patient, string Name, string Date, string Modality, int Count)[] series =
        [
            ("P1", "Doe^John", "20240115", "PT", 3), ("P1", "Doe^John", "20240115", "CT", 2),
            ("P1", "Doe^John", "20240301", "PT", 1), ("P2", "Müller^Jürgen", "20230606", "CT", 3),
        ];
        for (int s = 0; s < series.Length; s++)
        {
            var (patient, name, date, modality, count) = series[s];
            string study = $"{Root}.{(s < 2 ? 1 : s)}";
            string seriesUid = $"{study}.{s + 1}";
            for (int i = 1; i <= count; i++)
            {
                var dataset = new DicomDataset();
                dataset.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
                dataset.SetString(DicomTag.SOPClassUID, DicomVR.UI,
                    modality == "PT" ? DicomUid.PositronEmissionTomographyImageStorage : DicomUid.CTImageStorage);
                dataset.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, $"{seriesUid}.{i}");
                dataset.SetString(DicomTag.PatientID, DicomVR.LO, patient);
                dataset.SetString(DicomTag.PatientName, DicomVR.PN, name);
                dataset.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, study);
                dataset.SetString(DicomTag.StudyDate, DicomVR.DA, date);
                dataset.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, seriesUid);
                dataset.SetString(DicomTag.Modality, DicomVR.CS, modality);
                dataset.SetString(DicomTag.SeriesNumber, DicomVR.IS, (s + 1).ToString(CultureInfo.InvariantCulture));
                dataset.SetString(DicomTag.InstanceNumber, DicomVR.IS, i.ToString(CultureInfo.InvariantCulture));
                var code = new DicomDataset();
                code.SetString(DicomTag.CodeValue, DicomVR.SH, $"PROC{s}");
                code.SetString(DicomTag.CodeMeaning, DicomVR.LO, modality == "PT" ? "PET WB" : "CT");
                dataset.AddOrUpdate(new DicomSequence(DicomTag.ProcedureCodeSequence, [code]));
                StoreResult result = await archive.StoreAsync(new DicomFile(new DicomDataset(), dataset, DicomTransferSyntax.ExplicitVRLittleEndian), ct);
                Assert.Equal(StoreOutcome.Stored, result.Outcome);
            }
        }
    }

    /// <summary>Every answer of a fixed set of queries at each level, as text.</summary>
    private async Task<List<string>> AnswersAsync(CancellationToken ct)
    {
        var queries = new QueryService(IndexDatabase.Open(StorageOptions.IndexPath(DataFolder)));
        (QueryInformationModel Model, string Level, string[] Keys)[] identifiers =
        [
            (QueryInformationModel.PatientRoot, "PATIENT", ["PatientID", "PatientName", "NumberOfPatientRelatedStudies",
                "NumberOfPatientRelatedSeries", "NumberOfPatientRelatedInstances"]),
            (QueryInformationModel.StudyRoot, "STUDY", ["StudyInstanceUID", "StudyDate", "PatientName", "ModalitiesInStudy",
                "SOPClassesInStudy", "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances"]),
            (QueryInformationModel.StudyRoot, "SERIES", ["StudyInstanceUID=" + Root + ".1", "SeriesInstanceUID", "Modality",
                "SeriesNumber", "NumberOfSeriesRelatedInstances"]),
            (QueryInformationModel.StudyRoot, "IMAGE", ["StudyInstanceUID=" + Root + ".3", "SeriesInstanceUID=" + Root + ".3.4",
                "SOPInstanceUID", "InstanceNumber"]),
        ];
        var answers = new List<string>();
        foreach ((QueryInformationModel model, string level, string[] keys) in identifiers)
        {
            var identifier = new DicomDataset();
            identifier.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
            identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, level);
            foreach (string key in keys)
            {
                string[] parts = key.Split('=');
                var entry = DicomDictionary.LookupKeyword(parts[0])!;
                identifier.SetString(entry.Tag, entry.VR, parts.Length > 1 ? parts[1] : string.Empty);
            }

            if (level == "STUDY")
            {
                identifier.AddOrUpdate(new DicomSequence(DicomTag.ProcedureCodeSequence, [new DicomDataset()]));
            }

            foreach (DicomDataset answer in await queries.FindAsync(identifier, model, ct))
            {
                answers.Add(Text(answer));
            }
        }

        Assert.Equal(2 + 3 + 2 + 3, answers.Count);
        // The stored Procedure Code Sequence comes back too, so the comparison covers the sequence tables.
        Assert.Contains(answers, a => a.Contains("(0008,1032)=[(0008,0100)=PROC3 | (0008,0104)=CT]", StringComparison.Ordinal));
        return answers;
    }

    private static string Text(DicomDataset dataset) => string.Join(" | ", dataset.Select(item => item is DicomSequence sequence
        ? $"{item.Tag}=[{string.Join(", ", sequence.Items.Select(Text))}]"
        : $"{item.Tag}={dataset.GetString(item.Tag)}"));

    [Fact]
    public async Task Reindex_ThroughTheProgram_IsListedAndReportsCounts()
    {
        var ct = TestContext.Current.CancellationToken;
        await FillAsync(ct);
        SqliteConnection.ClearAllPools();

        var help = await PacsNodeCli.RunAsync(["help"], null, ct);
        var result = await PacsNodeCli.RunAsync(["reindex", "--data", DataFolder], null, ct);

        Assert.Contains("reindex", help.StandardOutput + help.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("9 files indexed, 0 stale rows removed, 0 files not indexed", result.StandardOutput, StringComparison.Ordinal);
    }
}
