using System.Text.Json;
using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Dictionary;
using PacsNode.Host.Commands;
using PacsNode.Host.Options;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

/// <summary><c>pacsnode results</c>: two report versions stored in a data folder; the command prints the second's numbers.</summary>
public sealed class ResultsCommandTests : IDisposable
{
    private const string Study = "2.25.71001";
    private const string Seg = "2.25.71005";

    private readonly TempDirectory _temp = new("results");

    private string DataFolder => _temp.Combine("data");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public async Task Results_TwoVersions_PrintsTheLatestFromTheStoredSr()
    {
        var ct = TestContext.Current.CancellationToken;
        await StoreAsync(ct);
        var output = new StringWriter();

        int exit = await new ResultsCommand(output, new StringWriter()).RunAsync([Study, "--data", DataFolder], ct);

        Assert.Equal(ExitCodes.Ok, exit);
        string text = output.ToString();
        Assert.Contains("report 2.25.73002", text, StringComparison.Ordinal);
        Assert.Contains("2 versions stored; replaces 2.25.73001", text, StringComparison.Ordinal);
        Assert.Contains("L1         13.25     7.25    10.75      8.5       14    101.5     4.2  #1 of 2.25.71005", text, StringComparison.Ordinal);
        Assert.Contains("LIVER          -    2.125        -        -   14.137        -       -  #2 of 2.25.71005", text, StringComparison.Ordinal);
        Assert.DoesNotContain("12.5 ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_Json_ParsesAndHoldsTheLatestValues()
    {
        var ct = TestContext.Current.CancellationToken;
        await StoreAsync(ct);
        var output = new StringWriter();

        int exit = await new ResultsCommand(output, new StringWriter()).RunAsync([Study, "--json", "--data", DataFolder], ct);

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output.ToString());
        JsonElement root = json.RootElement;
        Assert.Equal("2.25.73002", root.GetProperty("sopInstanceUid").GetString());
        Assert.Equal("2.25.73001", root.GetProperty("predecessors")[0].GetString());
        JsonElement l1 = root.GetProperty("lesions")[0];
        Assert.Equal("L1", l1.GetProperty("trackingId").GetString());
        Assert.Equal(13.25, l1.GetProperty("suvMax").GetDouble());
        Assert.Equal(101.5, l1.GetProperty("tlgG").GetDouble());
        Assert.Equal(1, l1.GetProperty("segment").GetProperty("segmentNumber").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("lesions")[1].GetProperty("suvMax").ValueKind);
        Assert.Equal("41%", root.GetProperty("algorithm").GetProperty("parameters").GetProperty("VoiThreshold").GetString());
    }

    [Fact]
    public async Task Results_NotQuantifiedReport_PrintsTheReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await StoreAsync(ct, reports: false);
        MeasurementReport report = Report("2.25.73003", 1, [], new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero)) with
        {
            Groups = [],
            Evidence = [],
            NotQuantified = new NotQuantifiedReason("Suv", "MissingAttribute", "SUV not computable: MissingAttribute: PatientWeight"),
        };
        await StoreReportAsync(report, ct);
        var output = new StringWriter();

        int exit = await new ResultsCommand(output, new StringWriter()).RunAsync([Study, "--data", DataFolder], ct);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("not quantified (Suv, MissingAttribute): SUV not computable: MissingAttribute: PatientWeight", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SUVmax", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_UnknownStudy_FailsNamingIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await StoreAsync(ct);
        var error = await Assert.ThrowsAsync<CommandException>(() => new ResultsCommand(new StringWriter(), new StringWriter()).RunAsync(["2.25.9", "--data", DataFolder], ct));
        Assert.Contains("study 2.25.9 is not in the index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_StudyWithoutReport_FailsSayingSo()
    {
        var ct = TestContext.Current.CancellationToken;
        await StoreAsync(ct, reports: false);
        var error = await Assert.ThrowsAsync<CommandException>(() => new ResultsCommand(new StringWriter(), new StringWriter()).RunAsync([Study, "--data", DataFolder], ct));
        Assert.Contains("no stored measurement report", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_NoStudyArgument_ThrowsUsage() =>
        await Assert.ThrowsAsync<UsageException>(() => new ResultsCommand().RunAsync(["--json"], TestContext.Current.CancellationToken));

    /// <summary>A PET slice, then (optionally) report 1 and report 2 that names report 1 as its predecessor.</summary>
    private async Task StoreAsync(CancellationToken ct, bool reports = true)
    {
        using var store = new InstanceStore(new InstanceStoreOptions { DataFolder = StorageOptions.InstancesFolder(DataFolder), MinimumFreeBytes = 0 });
        var database = IndexDatabase.Open(StorageOptions.IndexPath(DataFolder));
        await using var writer = new IndexWriter(database, TimeProvider.System);
        var archive = new InstanceArchive(store, writer, TimeProvider.System);

        var pet = new PacsNode.Dicom.Data.DicomDataset();
        pet.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.PositronEmissionTomographyImageStorage);
        pet.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, "2.25.72001");
        pet.SetString(DicomTag.PatientID, DicomVR.LO, "P1");
        pet.SetString(DicomTag.PatientName, DicomVR.PN, "Doe^Jane");
        pet.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, Study);
        pet.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, "2.25.71002");
        pet.SetString(DicomTag.Modality, DicomVR.CS, "PT");
        Assert.Equal(StoreOutcome.Stored, (await archive.StoreAsync(new PacsNode.Dicom.IO.DicomFile(new(), pet, PacsNode.Dicom.IO.DicomTransferSyntax.ExplicitVRLittleEndian), ct)).Outcome);
        if (!reports)
        {
            return;
        }

        MeasurementReport first = Report("2.25.73001", 12.5, [], new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var firstReference = new SopReference(Study, "2.25.71006", DicomUid.Comprehensive3DSRStorage, "2.25.73001");

        // The second version is older by the clock on purpose: the predecessor link decides, not the time.
        MeasurementReport second = Report("2.25.73002", 13.25, [firstReference], new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(StoreOutcome.Stored, (await archive.StoreAsync(Tid1500Writer.Write(first), ct)).Outcome);
        Assert.Equal(StoreOutcome.Stored, (await archive.StoreAsync(Tid1500Writer.Write(second), ct)).Outcome);
    }

    private async Task StoreReportAsync(MeasurementReport report, CancellationToken ct)
    {
        using var store = new InstanceStore(new InstanceStoreOptions { DataFolder = StorageOptions.InstancesFolder(DataFolder), MinimumFreeBytes = 0 });
        await using var writer = new IndexWriter(IndexDatabase.Open(StorageOptions.IndexPath(DataFolder)), TimeProvider.System);
        var archive = new InstanceArchive(store, writer, TimeProvider.System);
        Assert.Equal(StoreOutcome.Stored, (await archive.StoreAsync(Tid1500Writer.Write(report), ct)).Outcome);
    }

    private static MeasurementReport Report(string uid, double suvMax, IReadOnlyList<SopReference> predecessors, DateTimeOffset time) => new()
    {
        Subject = new ReportSubject { PatientName = "Doe^Jane", PatientId = "P1", StudyInstanceUid = Study },
        Document = new DocumentIdentity { SeriesInstanceUid = "2.25.71006", SopInstanceUid = uid, SeriesNumber = 901 },
        ContentDateTime = time,
        Device = new ReportDevice { ManufacturerModelName = "PacsNode", SoftwareVersions = "0.1.0", DeviceSerialNumber = "1", ObserverUid = "2.25.99", ObserverName = "PacsNode" },
        Algorithm = new AlgorithmIdentification("PacsNode", "0.1.0", [new AlgorithmParameter("VoiThreshold", "41%")]),
        ProcedureReported = Concepts.PetWholeBody,
        Evidence = [new SopReference(Study, "2.25.71004", DicomUid.SegmentationStorage, Seg)],
        Predecessors = predecessors,
        Groups =
        [
            Group("L1", 1, Concepts.Lesion,
            [
                new(Concepts.SuvBw, Concepts.Maximum, suvMax, Units.SuvBw),
                new(Concepts.SuvBw, Concepts.Mean, 7.25, Units.SuvBw),
                new(Concepts.SuvBw, Concepts.PeakValueWithinRoi, 10.75, Units.SuvBw),
                new(Concepts.SuvLbmJanma, Concepts.PeakValueWithinRoi, 8.5, Units.SuvLbmJanma),
                new(Concepts.MetabolicVolume, null, 14, Units.Milliliter),
                new(Concepts.TotalLesionGlycolysis, null, 101.5, Units.Gram),
                new(Concepts.LesionToBackgroundRatio, null, 4.2, Units.NoUnits),
            ]),
            Group("LIVER", 2, Concepts.Liver,
            [
                new(Concepts.SuvBw, Concepts.Mean, 2.125, Units.SuvBw),
                new(Concepts.MetabolicVolume, null, 14.137, Units.Milliliter),
            ]),
        ],
    };

    private static MeasurementGroup Group(string id, int segment, Code finding, IReadOnlyList<Measurement> measurements) => new()
    {
        TrackingIdentifier = id,
        TrackingUid = $"2.25.7500{segment}",
        Finding = finding,
        Segment = new SegmentReference(DicomUid.SegmentationStorage, Seg, segment),
        SourceSeriesInstanceUid = "2.25.71002",
        Measurements = measurements,
    };
}
