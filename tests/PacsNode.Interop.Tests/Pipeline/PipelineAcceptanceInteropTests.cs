using System.Globalization;
using System.Text.Json;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Vois;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Pipeline;

/// <summary>
/// Issue 5's first acceptance point, end to end through the real peers: storescu sends a whole-body PET/CT phantom to
/// <c>pacsnode serve</c>; without anything else happening, findscu finds an SR and a SEG series in the study; getscu and
/// movescu (to a storescp) retrieve them; dciodvfy finds no error in either, dsrdump renders the SR, pydicom reads both;
/// every NUM pydicom reads from the SR equals what <c>pacsnode quantify --json</c> prints for the same PET files, and
/// the SEG's segments are the quantifier's VOIs voxel for voxel.
/// </summary>
[Trait("Category", "Interop")]
public sealed class PipelineAcceptanceInteropTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StorescuStudy_ReportAppearsAndThePeersAgreeWithQuantify()
    {
        string storescu = RequiresTool.Dcmtk("storescu");
        string getscu = RequiresTool.Dcmtk("getscu");
        string movescu = RequiresTool.Dcmtk("movescu");
        string storescp = RequiresTool.Dcmtk("storescp");
        string dsrdump = RequiresTool.Dcmtk("dsrdump");
        RequiresTool.OnPath("dciodvfy", "dicom3tools");
        PythonRunner python = await RequiresTool.PydicomAsync(Token);
        using var dir = new TempDirectory("pipeline-e2e");
        PipelineStudy study = await PipelineStudy.SmallAsync(dir.Combine("study"), Token);
        int destinationPort = FreePort.Get();
        string moved = dir.Combine("moved"), got = dir.Combine("got");
        Directory.CreateDirectory(moved);
        Directory.CreateDirectory(got);
        await using RunningTool destination = ExternalTool.Start(storescp, ["-aet", "STORESCP", "-od", moved, Text(destinationPort)]);
        await FreePort.WaitUntilListeningAsync(destinationPort, Token);
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"), new Dictionary<string, string?>
        {
            ["PacsNode__Pipeline__QuietSeconds"] = "3",
            ["PacsNode__Remotes__0__AeTitle"] = "STORESCP",
            ["PacsNode__Remotes__0__Host"] = "127.0.0.1",
            ["PacsNode__Remotes__0__Port"] = Text(destinationPort),
        }, cancellationToken: Token);

        (await ExternalTool.RunAsync(storescu, ["-aec", "PACSNODE", "127.0.0.1", node.PortText, .. study.CtFiles, .. study.PetFiles],
            new ToolRunOptions { LogToTestOutput = false }, Token)).AssertSuccess();
        string srSeries = (await ReportPeers.WaitForSeriesAsync(node.Port, study.StudyUid, "SR", TimeSpan.FromSeconds(90), Token))
            .Single().GetString(DicomTag.SeriesInstanceUID)!;
        string segSeries = (await ReportPeers.WaitForSeriesAsync(node.Port, study.StudyUid, "SEG", TimeSpan.FromSeconds(30), Token))
            .Single().GetString(DicomTag.SeriesInstanceUID)!;
        foreach (string series in new[] { srSeries, segSeries })
        {
            string[] keys = ["-k", "QueryRetrieveLevel=SERIES", "-k", $"StudyInstanceUID={study.StudyUid}", "-k", $"SeriesInstanceUID={series}"];
            (await ExternalTool.RunAsync(getscu, ["-S", "-aec", "PACSNODE", "-od", got, .. keys, "127.0.0.1", node.PortText], cancellationToken: Token)).AssertSuccess();
            (await ExternalTool.RunAsync(movescu, ["-S", "-aec", "PACSNODE", "-aem", "STORESCP", .. keys, "127.0.0.1", node.PortText], cancellationToken: Token)).AssertSuccess();
        }

        (string srFile, string segFile) = await ClassifyAsync(Directory.GetFiles(got));
        (string movedSr, string movedSeg) = await ClassifyAsync(Directory.GetFiles(moved));
        Assert.Equal(await SopInstanceUidAsync(srFile), await SopInstanceUidAsync(movedSr));
        Assert.Equal(await SopInstanceUidAsync(segFile), await SopInstanceUidAsync(movedSeg));
        await ReportPeers.AssertDciodvfyCleanAsync(srFile, Token);
        await ReportPeers.AssertDciodvfyCleanAsync(segFile, Token);
        ToolResult dump = (await ExternalTool.RunAsync(dsrdump, [srFile], new ToolRunOptions { LogToTestOutput = false }, Token)).AssertSuccess();
        Assert.Contains("Imaging Measurement Report", dump.StandardOutput, StringComparison.Ordinal);
        ToolResult segments = (await python.RunScriptAsync(
            "import sys, pydicom\nds = pydicom.dcmread(sys.argv[1])\nprint(len(ds.SegmentSequence), ds.NumberOfFrames, ds.pixel_array.sum())",
            [segFile], cancellationToken: Token)).AssertSuccess();

        IReadOnlyList<SrNumber> numbers = await ReportPeers.PydicomMeasurementsAsync(srFile, Token);
        ToolResult quantify = (await PacsNodeCli.RunAsync(["quantify", study.Phantom.PetFolder, "--json"], cancellationToken: Token)).AssertSuccess();
        using var json = JsonDocument.Parse(quantify.StandardOutput);
        JsonElement[] vois = [.. json.RootElement.GetProperty("vois").EnumerateArray()];
        Assert.NotEmpty(vois);
        Assert.Equal([.. vois.Select(v => v.GetProperty("id").GetString()!), "LIVER"], numbers.Select(n => n.TrackingId).Distinct());
        foreach (JsonElement voi in vois)
        {
            string id = voi.GetProperty("id").GetString()!;
            AssertNumber(voi, "suvMax", numbers, id, "126401", "56851009");
            AssertNumber(voi, "suvMean", numbers, id, "126401", "373098007");
            AssertNumber(voi, "suvPeak", numbers, id, "126401", "126031");
            AssertNumber(voi, "sulPeak", numbers, id, "126405", "126031");
            AssertNumber(voi, "mtvMl", numbers, id, "126032", "");
            AssertNumber(voi, "tlg", numbers, id, "126033", "");
            AssertNumber(voi, "lbr", numbers, id, "126039", "");
        }

        AssertNumber(json.RootElement.GetProperty("liver"), "suvMean", numbers, "LIVER", "126401", "373098007");
        ToolResult results = (await PacsNodeCli.RunAsync(["results", study.StudyUid, "--json", "--data", node.DataFolder], cancellationToken: Token)).AssertSuccess();
        using var stored = JsonDocument.Parse(results.StandardOutput);
        var storedMax = stored.RootElement.GetProperty("lesions").EnumerateArray()
            .Where(l => l.GetProperty("suvMax").ValueKind == JsonValueKind.Number)
            .ToDictionary(l => l.GetProperty("trackingId").GetString()!, l => l.GetProperty("suvMax").GetDouble(), StringComparer.Ordinal);
        Assert.Equal(vois.ToDictionary(v => v.GetProperty("id").GetString()!, v => v.GetProperty("suvMax").GetDouble(), StringComparer.Ordinal), storedMax);
        string[] printed = segments.StandardOutput.Trim().Split(' ');
        Assert.Equal(vois.Length + 1, int.Parse(printed[0], CultureInfo.InvariantCulture));
        await AssertSegmentsAreTheVoisAsync(study, segFile, vois.Length);
    }

    /// <summary>The retrieved SEG read with the quantifier's own SEG reader on the PET grid gives the VOIs' voxels.</summary>
    private static async Task AssertSegmentsAreTheVoisAsync(PipelineStudy study, string segFile, int lesions)
    {
        List<DicomFile> pet = [];
        foreach (string path in study.PetFiles)
        {
            pet.Add(await DicomFile.OpenAsync(path, null, Token));
        }

        using var kernels = new ReferenceKernels();
        QuantifyResult expected = await new PetQuantifier(kernels).QuantifyAsync(pet, new QuantifyRequest(), Token);
        Assert.True(expected.IsSuccess);
        Assert.Equal(lesions, expected.Vois.Count);
        DicomFile seg = await DicomFile.OpenAsync(segFile, null, Token);
        VoiReadResult read = await SegReader.ReadAsync(seg.Dataset, expected.Volume.Geometry, expected.Series, Token);
        Assert.True(read.IsSuccess, read.Message);
        for (int i = 0; i < lesions; i++)
        {
            Assert.Equal(expected.Vois[i].Voi.Voxels, read.Vois[i].Voxels);
        }
    }

    private static void AssertNumber(JsonElement voi, string property, IReadOnlyList<SrNumber> numbers, string id, string concept, string derivation)
    {
        SrNumber? found = numbers.SingleOrDefault(n => n.TrackingId == id && n.Concept == concept && n.Derivation == derivation);
        if (voi.GetProperty(property).ValueKind == JsonValueKind.Null)
        {
            Assert.Null(found);
            return;
        }

        double expected = voi.GetProperty(property).GetDouble();
        Assert.True(found is not null, $"{id}: no NUM {concept}/{derivation} for {property}");
        Assert.Equal(expected, found.Value, Math.Abs(expected) * 1e-9);
    }

    private static async Task<(string Sr, string Seg)> ClassifyAsync(string[] files)
    {
        Assert.Equal(2, files.Length);
        string? sr = null, seg = null;
        foreach (string path in files)
        {
            string? sopClass = (await DicomFile.OpenAsync(path, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, Token)).Dataset.GetString(DicomTag.SOPClassUID);
            if (sopClass == DicomUid.Comprehensive3DSRStorage)
            {
                sr = path;
            }
            else if (sopClass == DicomUid.SegmentationStorage)
            {
                seg = path;
            }
        }

        Assert.NotNull(sr);
        Assert.NotNull(seg);
        return (sr, seg);
    }

    private static async Task<string?> SopInstanceUidAsync(string path) =>
        (await DicomFile.OpenAsync(path, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, Token)).Dataset.GetString(DicomTag.SOPInstanceUID);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
