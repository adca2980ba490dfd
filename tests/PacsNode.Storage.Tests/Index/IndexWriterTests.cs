using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.Storage.Queries;
using Xunit;

namespace PacsNode.Storage.Tests.Index;

public sealed class IndexWriterTests
{
    private const string Study = "1.2.826.0.1.3680043.10.2";
    private const string Series = "1.2.826.0.1.3680043.10.2.1";

    [Fact]
    public async Task IndexAsync_200ConcurrentStores_AllIndexedOnCompletion()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();

        StoreResult[] results = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => Task.Run(
            () => harness.StoreAndIndexAsync(TestInstances.File(Study, Series, $"{Series}.{i}"), ct), ct)));

        Assert.All(results, r => Assert.Equal(StoreOutcome.Stored, r.Outcome));
        Assert.Equal(200, harness.Count("instance"));
        Assert.Equal(1, harness.Count("series"));
        Assert.Equal(1, harness.Count("study"));
        Assert.Equal(1, harness.Count("patient"));
        Assert.Equal(200, Directory.GetFiles(Path.Combine(harness.Store.DataFolder, Study, Series)).Length);
    }

    [Fact]
    public async Task IndexAsync_StoreThenFreshReopen_NewConnectionSeesRow()
    {
        var ct = TestContext.Current.CancellationToken;
        string databasePath;
        StoreResult stored;
        await using (var harness = new StorageHarness())
        {
            stored = await harness.StoreAndIndexAsync(TestInstances.File(Study, Series, Series + ".7"), ct);
            databasePath = harness.DatabasePath;
            await harness.Writer.DisposeAsync();
            SqliteConnection.ClearAllPools();

            // As a restarted process would: a new IndexDatabase over the same file, a new pool, a new connection.
            var reopened = IndexDatabase.Open(databasePath);
            var identifier = new PacsNode.Dicom.Data.DicomDataset();
            identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "IMAGE");
            identifier.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, Study);
            identifier.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, Series);
            identifier.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, string.Empty);
            var answers = await new QueryService(reopened).FindAsync(identifier, QueryInformationModel.StudyRoot, ct);

            Assert.Equal(Series + ".7", Assert.Single(answers).GetString(DicomTag.SOPInstanceUID));
            identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "SERIES");
            var files = await new QueryService(reopened).FindInstancesForRetrieveAsync(identifier, ct);
            Assert.Equal(stored.Path, Assert.Single(files).FilePath);
        }
    }

    [Fact]
    public async Task IndexAsync_ReplacedInstance_UpdatesRowInPlace()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness(DuplicatePolicy.Replace);
        string sop = Series + ".9";
        await harness.StoreAndIndexAsync(TestInstances.File(Study, Series, sop, "Doe^John"), ct);

        await harness.StoreAndIndexAsync(TestInstances.File(Study, Series, sop, "Roe^Richard"), ct);

        Assert.Equal(1, harness.Count("instance"));
        var identifier = new PacsNode.Dicom.Data.DicomDataset();
        identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "PATIENT");
        identifier.SetString(DicomTag.PatientID, DicomVR.LO, "P1");
        identifier.SetString(DicomTag.PatientName, DicomVR.PN, string.Empty);
        var answer = Assert.Single(await harness.Queries().FindAsync(identifier, QueryInformationModel.PatientRoot, ct));
        Assert.Equal("Roe^Richard", answer.GetString(DicomTag.PatientName));
    }

    [Fact]
    public async Task IndexAsync_FurtherInstancesWithSameAttributes_LeaveParentRowsUntouchedUntilOneChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        await harness.StoreAndIndexAsync(TestInstances.File(Study, Series, Series + ".1"), ct);
        long seriesPk = Scalar(harness, "SELECT pk FROM series");
        // Independent of the writer: a trigger counts every UPDATE SQLite performs on a parent row.
        Execute(harness, """
            CREATE TABLE updates (level TEXT);
            CREATE TRIGGER tr_patient AFTER UPDATE ON patient BEGIN INSERT INTO updates VALUES ('patient'); END;
            CREATE TRIGGER tr_study AFTER UPDATE ON study BEGIN INSERT INTO updates VALUES ('study'); END;
            CREATE TRIGGER tr_series AFTER UPDATE ON series BEGIN INSERT INTO updates VALUES ('series'); END;
            """);

        await harness.StoreAndIndexAsync(TestInstances.File(Study, Series, Series + ".2"), ct);
        await harness.StoreAndIndexAsync(TestInstances.File(Study, Series, Series + ".3"), ct);
        long untouched = Scalar(harness, "SELECT COUNT(*) FROM updates");
        var renamed = TestInstances.Dataset(Study, Series, Series + ".4");
        renamed.SetString(DicomTag.SeriesDescription, DicomVR.LO, "WB MAC");
        await harness.StoreAndIndexAsync(TestInstances.File(renamed), ct);

        Assert.Equal(0, untouched);
        Assert.Equal(1, Scalar(harness, "SELECT COUNT(*) FROM updates WHERE level = 'series'"));
        Assert.Equal(1, Scalar(harness, "SELECT COUNT(*) FROM updates"));
        Assert.Equal("WB MAC", Text(harness, "SELECT series_description FROM series"));
        Assert.Equal(4, Scalar(harness, $"SELECT COUNT(*) FROM instance WHERE series_pk = {seriesPk}"));
        Assert.Equal(1, harness.Count("series"));
    }

    [Fact]
    public async Task IndexAsync_ParentValuesReturnAfterAChange_AreWrittenAgain()
    {
        // The writer reuses the parent keys of the previous record when the values are the same: a change and a
        // change back must both reach the rows, and so must a change made through another series of the study.
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        const string OtherSeries = Series + "9";
        foreach ((string series, string sop, string description) in new[]
        {
            (Series, ".1", "FIRST"), (Series, ".2", "FIRST"), (Series, ".3", "SECOND"), (Series, ".4", "FIRST"),
            (OtherSeries, ".5", "THIRD"), (Series, ".6", "FIRST"),
        })
        {
            var dataset = TestInstances.Dataset(Study, series, series + sop);
            dataset.SetString(DicomTag.StudyDescription, DicomVR.LO, description);
            await harness.StoreAndIndexAsync(TestInstances.File(dataset), ct);
            Assert.Equal(description, Text(harness, "SELECT study_description FROM study"));
        }

        Assert.Equal(6, harness.Count("instance"));
        Assert.Equal(2, harness.Count("series"));
    }

    [Fact]
    public async Task IndexAsync_SeriesEmptiedByDeletes_IsMadeAgainByTheNextInstance()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        await harness.StoreAndIndexAsync(TestInstances.File(Study, Series, Series + ".1"), ct);
        await harness.StoreAndIndexAsync(TestInstances.File(Study, Series, Series + ".2"), ct);
        await harness.Writer.DeleteAsync(Series + ".1", ct);
        await harness.Writer.DeleteAsync(Series + ".2", ct);
        Assert.Equal(0, harness.Count("patient"));

        await harness.StoreAndIndexAsync(TestInstances.File(Study, Series, Series + ".3"), ct);

        Assert.Equal(1, harness.Count("patient"));
        Assert.Equal(1, harness.Count("study"));
        Assert.Equal(1, harness.Count("series"));
        Assert.Equal(1, Scalar(harness, "SELECT COUNT(*) FROM instance JOIN series ON series.pk = instance.series_pk " +
            "JOIN study ON study.pk = series.study_pk JOIN patient ON patient.pk = study.patient_pk"));
    }

    [Fact]
    public async Task IndexAsync_SameSeriesSequenceAgain_KeepsItsRowsUntilItChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        await harness.StoreAndIndexAsync(TestInstances.File(Pet(Series + ".1", "370000000")), ct);
        Execute(harness, """
            CREATE TABLE item_inserts (n INTEGER);
            CREATE TRIGGER tr_item AFTER INSERT ON sequence_item BEGIN INSERT INTO item_inserts VALUES (1); END;
            """);

        await harness.StoreAndIndexAsync(TestInstances.File(Pet(Series + ".2", "370000000")), ct);
        await harness.StoreAndIndexAsync(TestInstances.File(Pet(Series + ".3", "370000000")), ct);
        long untouched = Scalar(harness, "SELECT COUNT(*) FROM item_inserts");
        await harness.StoreAndIndexAsync(TestInstances.File(Pet(Series + ".4", "355000000")), ct);

        Assert.Equal(0, untouched);
        // The radiopharmaceutical item and its nested Radionuclide Code Sequence item, written again once.
        Assert.Equal(2, Scalar(harness, "SELECT COUNT(*) FROM item_inserts"));
        Assert.Equal(2, Scalar(harness, "SELECT COUNT(*) FROM sequence_item"));
        Assert.Equal("355000000", Text(harness, $"SELECT value FROM sequence_value WHERE tag = {DicomTag.RadionuclideTotalDose.Value}"));
        Assert.Equal("C-111A1", Text(harness, $"SELECT value FROM sequence_value WHERE tag = {DicomTag.CodeValue.Value}"));
    }

    private static PacsNode.Dicom.Data.DicomDataset Pet(string sop, string dose)
    {
        var code = new PacsNode.Dicom.Data.DicomDataset();
        code.SetString(DicomTag.CodeValue, DicomVR.SH, "C-111A1");
        code.SetString(DicomTag.CodingSchemeDesignator, DicomVR.SH, "SRT");
        code.SetString(DicomTag.CodeMeaning, DicomVR.LO, "^18^Fluorine");
        var radiopharmaceutical = new PacsNode.Dicom.Data.DicomDataset();
        radiopharmaceutical.SetString(DicomTag.RadionuclideTotalDose, DicomVR.DS, dose);
        radiopharmaceutical.SetString(DicomTag.RadionuclideHalfLife, DicomVR.DS, "6586.2");
        radiopharmaceutical.AddOrUpdate(new PacsNode.Dicom.Data.DicomSequence(DicomTag.RadionuclideCodeSequence, [code]));
        var dataset = TestInstances.Dataset(Study, Series, sop);
        dataset.AddOrUpdate(new PacsNode.Dicom.Data.DicomSequence(DicomTag.RadiopharmaceuticalInformationSequence, [radiopharmaceutical]));
        return dataset;
    }

    [Fact]
    public async Task IndexAsync_OneRecordViolatesSchema_FailsOnlyItsOwnCaller()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        StoreResult stored = await harness.Store.StoreAsync(TestInstances.File(Study, Series, Series + ".1"), ct);
        var good = IndexRecord.FromStoreResult(stored, TimeProvider.System.GetUtcNow());
        IndexRecord bad = good with { SopInstanceUid = Series + ".2", FilePath = null! };

        Task[] writes = [.. Enumerable.Range(0, 20).Select(_ => harness.Writer.IndexAsync(bad, ct)), harness.Writer.IndexAsync(good, ct)];
        await Assert.ThrowsAnyAsync<Exception>(() => Task.WhenAll(writes));

        Assert.True(writes[^1].IsCompletedSuccessfully);
        Assert.All(writes[..^1], w => Assert.IsType<SqliteException>(w.Exception?.InnerException));
        Assert.Equal(1, harness.Count("instance"));
    }

    [Fact]
    public async Task IndexAsync_DatabaseDeletedBeforeWriterStarts_FailsCallerInsteadOfHanging()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        StoreResult stored = await harness.Store.StoreAsync(TestInstances.File(Study, Series, Series + ".1"), ct);
        string folder = Path.Combine(Path.GetTempPath(), "pacsnode-tests", "gone-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = IndexDatabase.Open(Path.Combine(folder, "index.db"));
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        var writer = new IndexWriter(database, TimeProvider.System);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => writer.IndexAsync(stored, ct).WaitAsync(TimeSpan.FromSeconds(30), ct));
        var disposeFailure = await Assert.ThrowsAnyAsync<SqliteException>(async () => await writer.DisposeAsync());

        // Queued before the loop failed: the exception itself; queued after: the closed channel, carrying it.
        Assert.Same(disposeFailure, failure as SqliteException ?? failure.InnerException);
    }

    private static long Scalar(StorageHarness harness, string sql) => Convert.ToInt64(Query(harness, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static string? Text(StorageHarness harness, string sql) => Query(harness, sql) as string;

    private static object? Query(StorageHarness harness, string sql)
    {
        using SqliteConnection connection = harness.Database.OpenConnection();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(StorageHarness harness, string sql) => _ = Query(harness, sql);
}
