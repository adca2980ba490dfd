using System.Globalization;
using System.Text.Json;
using PacsNode.Quantification.Phantoms;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Phantoms;

/// <summary>
/// Outside readers agree: dciodvfy finds no error in a PET and a CT slice, pydicom decodes the same pixels and
/// slope, and the independent numpy/scipy implementation (scripts/quantify_reference.py) measures every sphere as
/// the truth says.
/// </summary>
[Trait("Category", "Interop")]
public sealed class PhantomInteropTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dciodvfy_PetAndCtSlices_NoErrors()
    {
        string dciodvfy = RequiresTool.OnPath("dciodvfy", "dicom3tools");
        using var temp = new TempDirectory("phantom");
        PhantomResult result = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Zr89), temp.FullPath);

        foreach (string path in new[] { Path.Combine(result.PetFolder, "PET_0010.dcm"), Path.Combine(result.CtFolder!, "CT_0010.dcm") })
        {
            ToolResult check = await ExternalTool.RunAsync(dciodvfy, [path], cancellationToken: Token);
            string output = check.StandardOutput + check.StandardError;
            Assert.DoesNotContain("Error", output, StringComparison.Ordinal);
            Assert.Contains(path.Contains("PET_", StringComparison.Ordinal) ? "PETImage" : "CTImage", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pydicom_ReadsSlices_SameSlopeSopClassAndSphereVoxel()
    {
        PythonRunner python = await RequiresTool.PydicomAsync(Token);
        using var temp = new TempDirectory("phantom");
        PhantomResult result = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg), temp.FullPath);
        PhantomSphereTruth sphere = result.Truth.Spheres[0];
        PhantomVoxel c = sphere.CentreVoxel;
        string pet = Path.Combine(result.PetFolder, string.Create(CultureInfo.InvariantCulture, $"PET_{48 - c.Z:D4}.dcm"));
        string ct = Path.Combine(result.CtFolder!, "CT_0024.dcm");
        const string Script = """
            import sys, pydicom
            pet, ct = pydicom.dcmread(sys.argv[1]), pydicom.dcmread(sys.argv[2])
            x, y, factor = int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
            print(pet.SOPClassUID, ct.SOPClassUID, pet.FrameOfReferenceUID == ct.FrameOfReferenceUID)
            print(repr(int(pet.pixel_array[y, x]) * (float(pet.RescaleSlope) * factor)))
            print(pet.Units, pet.DecayCorrection, pet.RadiopharmaceuticalInformationSequence[0].RadionuclideCodeSequence[0].CodeValue)
            print(int(ct.pixel_array.min()), int(ct.pixel_array.max()), ct.RescaleType)
            """;

        ToolResult run = await python.RunScriptAsync(Script,
            [pet, ct, c.X.ToString(CultureInfo.InvariantCulture), c.Y.ToString(CultureInfo.InvariantCulture),
             result.Truth.SuvBwFactor.ToString("R", CultureInfo.InvariantCulture)], cancellationToken: Token);

        run.AssertSuccess();
        string[] lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("1.2.840.10008.5.1.4.1.1.128 1.2.840.10008.5.1.4.1.1.2 True", lines[0].Trim());
        Assert.Equal(sphere.CentreSuv, double.Parse(lines[1], CultureInfo.InvariantCulture));
        Assert.Equal("BQML START 77004003", lines[2].Trim());
        Assert.Equal("-1000 700 HU", lines[3].Trim()); // air outside the body, the spine (a cylinder along every slice)
    }

    [Fact]
    public async Task QuantifyReferenceScript_NoiseFreePhantom_MeasuresEverySphereAsTruth()
    {
        PythonRunner python = await RequireNumpyScipyAsync();

        using var temp = new TempDirectory("phantom");
        PhantomResult result = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg) with { IncludeCt = false }, temp.FullPath);
        string script = Repository.Path("scripts", "quantify_reference.py");

        ToolResult withTruth = await ExternalTool.RunAsync(python.InterpreterPath, [script, result.PetFolder, "--truth", result.TruthPath], cancellationToken: Token);
        ToolResult fromHeaders = await ExternalTool.RunAsync(python.InterpreterPath, [script, result.PetFolder], cancellationToken: Token);

        withTruth.AssertSuccess();
        fromHeaders.AssertSuccess();
        using var measured = JsonDocument.Parse(withTruth.StandardOutput);
        using var headers = JsonDocument.Parse(fromHeaders.StandardOutput);
        JsonElement root = measured.RootElement;
        double factor = headers.RootElement.GetProperty("suvBwFactor").GetDouble();
        Assert.Equal(result.Truth.SuvBwFactor, factor, result.Truth.SuvBwFactor * 1e-9);

        // Threshold 2.5: the liver (2.0), lungs and background stay below, so the four spheres are the four labels.
        Assert.Equal(4, root.GetProperty("labelCount").GetInt32());
        var lesions = root.GetProperty("lesions").EnumerateArray().ToList();
        foreach (PhantomSphereTruth sphere in result.Truth.Spheres)
        {
            JsonElement lesion = lesions.Single(l => Voxel(l.GetProperty("maxVoxel")) == sphere.MaxVoxel);
            JsonElement voi = lesion.GetProperty("voi");
            Assert.Equal(sphere.SuvMax, lesion.GetProperty("max").GetDouble(), sphere.SuvMax * 1e-12);
            Assert.Equal(sphere.SuvMax, voi.GetProperty("suvMax").GetDouble(), sphere.SuvMax * 1e-12);

            // Noise-free and sharp, the 41% VOI is exactly the sphere's mask.
            Assert.Equal(sphere.VoxelCount, voi.GetProperty("voxelCount").GetInt32());
            Assert.Equal(sphere.MtvMl, voi.GetProperty("mtvMl").GetDouble(), sphere.MtvMl * 0.01);
            Assert.Equal(sphere.SuvMean, voi.GetProperty("suvMean").GetDouble(), sphere.SuvMean * 0.01);
            Assert.Equal(sphere.SuvPeak, voi.GetProperty("suvPeak").GetDouble(), sphere.SuvPeak * 0.01);
            Assert.Equal(sphere.PeakVoxel, Voxel(voi.GetProperty("peakVoxel")));
        }
    }

    [Fact]
    public async Task QuantifyReferenceScript_Zr89Headers_FactorFromTheFourDayOldInjection()
    {
        PythonRunner python = await RequireNumpyScipyAsync();

        using var temp = new TempDirectory("phantom");
        PhantomResult result = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Zr89) with { IncludeCt = false }, temp.FullPath);

        ToolResult run = await ExternalTool.RunAsync(python.InterpreterPath,
            [Repository.Path("scripts", "quantify_reference.py"), result.PetFolder, "--threshold", "7"], cancellationToken: Token);

        run.AssertSuccess();
        using var json = JsonDocument.Parse(run.StandardOutput);
        // 70000 g / (37e6 Bq × 2^(−345600 s / 282276 s)), from RadiopharmaceuticalStartDateTime four days before.
        double hand = 70_000 / (37e6 * Math.Pow(2, -345600.0 / 282276));
        Assert.Equal(hand, json.RootElement.GetProperty("suvBwFactor").GetDouble(), hand * 1e-9);
        Assert.Equal("headers", json.RootElement.GetProperty("factorSource").GetString());

        // Above SUV 7 (the liver is 5): the spheres of SUV 8, 10 and 15, each at its truth maximum.
        var maxima = json.RootElement.GetProperty("lesions").EnumerateArray().Select(l => l.GetProperty("max").GetDouble()).Order().ToList();
        double[] truth = [.. result.Truth.Spheres.Where(s => s.SuvMax >= 7).Select(s => s.SuvMax).Order()];
        Assert.Equal(3, maxima.Count);
        Assert.Equal(truth, maxima, (a, b) => Math.Abs(a - b) <= 1e-9 * a);
    }

    /// <summary>pydicom, numpy and scipy, or a skip (a failure under PACSNODE_REQUIRE_TOOLS=1, as RequiresTool does).</summary>
    private static async Task<PythonRunner> RequireNumpyScipyAsync()
    {
        PythonRunner python = await RequiresTool.PydicomAsync(Token);
        ToolResult probe = await ExternalTool.RunAsync(python.InterpreterPath, ["-c", "import numpy, scipy.ndimage"], cancellationToken: Token);
        if (probe.ExitCode != 0)
        {
            const string Reason = "numpy/scipy are missing: install the Debian packages python3-numpy and python3-scipy";
            if (Environment.GetEnvironmentVariable(RequiresTool.RequireToolsVariable) == "1")
            {
                Assert.Fail(Reason);
            }

            Assert.Skip(Reason);
        }

        return python;
    }

    private static PhantomVoxel Voxel(JsonElement array) =>
        new(array[0].GetInt32(), array[1].GetInt32(), array[2].GetInt32());
}
