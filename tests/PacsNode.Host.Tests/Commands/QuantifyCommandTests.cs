using System.Text.Json;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

/// <summary><c>pacsnode quantify</c> as a user runs it, on the IBSI DRO_0_0 (SUVbw factor 70000 g / 251999685 Bq).</summary>
public sealed class QuantifyCommandTests
{
    private static string Dro => TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0");

    [Fact]
    public async Task Quantify_DroWithRtStructAsJson_PrintsFactorsAndTheRoiStatistics()
    {
        RequiresTool.SharedTestData();
        ToolResult result = await PacsNodeCli.RunAsync(
            ["quantify", Path.Combine(Dro, "PT"), "--rtstruct", Path.Combine(Dro, "RS", "RS_dro_0_0.dcm"), "--json", "--accelerator", "reference", "--liver", "512,512,40"],
            cancellationToken: TestContext.Current.CancellationToken);

        result.AssertSuccess();
        using var json = JsonDocument.Parse(result.StandardOutput);
        JsonElement root = json.RootElement;
        JsonElement suv = root.GetProperty("suv");
        Assert.Equal(70_000 / 251_999_685.036, suv.GetProperty("factorBw").GetDouble(), 1e-9);
        Assert.Equal("START", suv.GetProperty("decayCorrection").GetString());
        Assert.Equal("2025-01-01T11:00:00", suv.GetProperty("referenceTime").GetString());
        Assert.Equal("2025-01-01T10:00:00", suv.GetProperty("injectionTime").GetString());
        Assert.Equal(JsonValueKind.Array, suv.GetProperty("warnings").ValueKind);
        JsonElement voi = Assert.Single(root.GetProperty("vois").EnumerateArray());
        Assert.Equal("R3", voi.GetProperty("id").GetString());
        Assert.Equal("rtstruct", voi.GetProperty("source").GetString());
        Assert.Equal("region_1", voi.GetProperty("name").GetString());
        Assert.Equal(4.00, Math.Round(voi.GetProperty("suvMax").GetDouble(), 2));
        Assert.Equal(1.00, Math.Round(voi.GetProperty("suvMedian").GetDouble(), 2));
        Assert.Equal(0.20, Math.Round(voi.GetProperty("suvMin").GetDouble(), 2));
        Assert.Equal(3, voi.GetProperty("suvMaxMm").GetArrayLength());
        Assert.Equal(3, voi.GetProperty("suvPeakCentreMm").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, voi.GetProperty("tlg").ValueKind);
        Assert.Equal(JsonValueKind.Number, voi.GetProperty("sulPeak").ValueKind);
        // The given liver centre (voxel 128, 128, 10) lies in the uniform background of 1.00.
        JsonElement liver = root.GetProperty("liver");
        Assert.False(liver.GetProperty("automatic").GetBoolean());
        Assert.Equal([512.0, 512.0, 40.0], liver.GetProperty("centreMm").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(1.00, Math.Round(liver.GetProperty("suvMean").GetDouble(), 2));
        Assert.Equal("reference", root.GetProperty("accelerator").GetString());
        Assert.True(root.GetProperty("timingsMs").GetProperty("vois").GetDouble() >= 0);
    }

    [Fact]
    public async Task Quantify_SeriesWithoutWeight_ExitsOneWithTheCalculatorsReason()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        foreach (string path in Directory.GetFiles(Path.Combine(Dro, "PT")))
        {
            DicomFile file = await DicomFile.OpenAsync(path, null, ct);
            file.Dataset.Remove(DicomTag.PatientWeight);
            await file.SaveAsync(folder.Combine(Path.GetFileName(path)), null, ct);
        }

        ToolResult result = await PacsNodeCli.RunAsync(["quantify", folder.FullPath], cancellationToken: ct);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MissingAttribute", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("PatientWeight", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task Quantify_FolderWithoutPet_ExitsOne()
    {
        using var folder = new TempDirectory();

        ToolResult result = await PacsNodeCli.RunAsync(["quantify", folder.FullPath], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no PET", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quantify_BothRtStructAndSeg_ExitsTwo()
    {
        ToolResult result = await PacsNodeCli.RunAsync(["quantify", "x", "--rtstruct", "a", "--seg", "b"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not both", result.StandardError, StringComparison.Ordinal);
    }
}
