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
