using System.Text.Json;
using PacsNode.Host.Commands;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

/// <summary><c>pacsnode phantom</c>: options reach the generator, and bad command lines are usage errors.</summary>
public sealed class PhantomCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Phantom_SmallGridWithSpheres_WritesSlicesAndTruth()
    {
        using var temp = new TempDirectory("phantom-cli");

        int exit = await new PhantomCommand().RunAsync(
            [temp.FullPath, "--tracer", "zr89", "--size", "32x24x20", "--ct", "64", "--seed", "3",
             "--sphere", "2,2,1.5,12,9", "--sphere", "-30,-10,-12,10,4"], Token);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(20, Directory.GetFiles(temp.Combine("PET"), "*.dcm").Length);
        Assert.Equal(20, Directory.GetFiles(temp.Combine("CT"), "*.dcm").Length);
        using var truth = JsonDocument.Parse(await File.ReadAllBytesAsync(temp.Combine("truth.json"), Token));
        JsonElement root = truth.RootElement;
        Assert.Equal("zr89", root.GetProperty("tracer").GetString());
        Assert.Equal(32, root.GetProperty("petGrid").GetProperty("columns").GetInt32());
        Assert.Equal(64, root.GetProperty("ctGrid").GetProperty("matrix").GetInt32());
        Assert.Equal(3, root.GetProperty("parameters").GetProperty("seed").GetInt32());
        JsonElement[] spheres = [.. root.GetProperty("spheres").EnumerateArray()];
        Assert.Equal(2, spheres.Length);
        Assert.Equal(9, spheres[0].GetProperty("nominalSuv").GetDouble());
        Assert.Equal(12, spheres[0].GetProperty("diameterMm").GetDouble());
    }

    [Fact]
    public async Task Phantom_Patient_WritesThreeStudiesOfOnePatientAndTruth()
    {
        using var temp = new TempDirectory("phantom-cli");

        int exit = await new PhantomCommand().RunAsync([temp.FullPath, "--patient", "--size", "48x48x40", "--no-ct", "--no-new-lesion"], Token);

        Assert.Equal(ExitCodes.Ok, exit);
        foreach (string visit in new[] { "baseline", "her2", "followup" })
        {
            Assert.Equal(40, Directory.GetFiles(Path.Combine(temp.FullPath, visit, "PET"), "*.dcm").Length);
            Assert.False(Directory.Exists(Path.Combine(temp.FullPath, visit, "CT")));
        }

        using var truth = JsonDocument.Parse(await File.ReadAllBytesAsync(temp.Combine("patient-truth.json"), Token));
        JsonElement root = truth.RootElement;
        Assert.Equal("pacsnode-patient-phantom-truth/1", root.GetProperty("format").GetString());
        JsonElement studies = root.GetProperty("studies");
        string[] studyUids = [.. new[] { "baseline", "her2", "followUp" }.Select(v => studies.GetProperty(v).GetProperty("studyInstanceUid").GetString()!)];
        string[] frames = [.. new[] { "baseline", "her2", "followUp" }.Select(v => studies.GetProperty(v).GetProperty("frameOfReferenceUid").GetString()!)];
        Assert.Equal(3, studyUids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(3, frames.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("zr89", studies.GetProperty("her2").GetProperty("tracer").GetString());
        Assert.Equal(5, root.GetProperty("lesions").GetArrayLength()); // no new lesion
        Assert.Equal("SMD", root.GetProperty("percist").GetString());
        Assert.Equal("NEG-NORESP", root.GetProperty("zephirGroup").GetString());
        Assert.True(root.GetProperty("predictsTreatmentFailure").GetBoolean());
    }

    [Fact]
    public async Task Phantom_PatientTurned_TruthNamesTheTurnsAndLesionsFollow()
    {
        using var temp = new TempDirectory("phantom-cli");

        int exit = await new PhantomCommand().RunAsync([temp.FullPath, "--patient", "--size", "48x48x40", "--no-ct", "--turn", "-3,5"], Token);

        Assert.Equal(ExitCodes.Ok, exit);
        using var truth = JsonDocument.Parse(await File.ReadAllBytesAsync(temp.Combine("patient-truth.json"), Token));
        JsonElement studies = truth.RootElement.GetProperty("studies");
        Assert.Equal(0, studies.GetProperty("baseline").GetProperty("rotationZDegrees").GetDouble());
        Assert.Equal(-3, studies.GetProperty("her2").GetProperty("rotationZDegrees").GetDouble());
        Assert.Equal(5, studies.GetProperty("followUp").GetProperty("rotationZDegrees").GetDouble());
        // The lung lesion's centre turns 5° about the z axis, then shifts: its distance from the shifted axis is kept.
        JsonElement lung = truth.RootElement.GetProperty("lesions").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "lung");
        double[] b = [.. lung.GetProperty("baselineCentreMm").EnumerateArray().Select(v => v.GetDouble())];
        double[] f = [.. lung.GetProperty("followUpCentreMm").EnumerateArray().Select(v => v.GetDouble())];
        double angle = (Math.Atan2(f[1] - 2.7, f[0] + 5.3) - Math.Atan2(b[1], b[0])) * 180 / Math.PI;
        Assert.Equal(5, Math.IEEERemainder(angle, 360), 4);
    }

    [Fact]
    public async Task Phantom_TurnWithoutPatient_IsUsageError()
    {
        using var temp = new TempDirectory("phantom-cli");

        await Assert.ThrowsAsync<UsageException>(() => new PhantomCommand().RunAsync([temp.FullPath, "--tracer", "fdg", "--turn", "0,5"], Token));
    }

    [Theory]
    [InlineData("--tracer", "fdg")]
    [InlineData("--sphere", "1,2,3,10,4")]
    public async Task Phantom_PatientWithStudyOptions_IsUsageError(string option, string value)
    {
        using var temp = new TempDirectory("phantom-cli");

        await Assert.ThrowsAsync<UsageException>(() => new PhantomCommand().RunAsync([temp.FullPath, "--patient", option, value], Token));
    }

    [Theory]
    [InlineData("--size", "200x200")]
    [InlineData("--tracer", "ga68")]
    [InlineData("--sphere", "1,2,3,4")]
    [InlineData("--noise", "lots")]
    public async Task Phantom_BadOption_IsUsageError(string option, string value)
    {
        using var temp = new TempDirectory("phantom-cli");

        await Assert.ThrowsAsync<UsageException>(() => new PhantomCommand().RunAsync(
            [temp.FullPath, "--tracer", "fdg", option, value], Token));
    }

    [Fact]
    public async Task Phantom_NoTracer_IsUsageError()
    {
        using var temp = new TempDirectory("phantom-cli");

        await Assert.ThrowsAsync<UsageException>(() => new PhantomCommand().RunAsync([temp.FullPath], Token));
    }

    [Fact]
    public async Task Phantom_OverlappingSpheres_IsCommandErrorNamingThem()
    {
        using var temp = new TempDirectory("phantom-cli");

        var error = await Assert.ThrowsAsync<CommandException>(() => new PhantomCommand().RunAsync(
            [temp.FullPath, "--tracer", "fdg", "--size", "16x16x8", "--no-ct", "--sphere", "0,0,0,20,5", "--sphere", "5,0,0,10,5"], Token));
        Assert.Contains("spheres 1 and 2 overlap", error.Message, StringComparison.Ordinal);
    }
}
