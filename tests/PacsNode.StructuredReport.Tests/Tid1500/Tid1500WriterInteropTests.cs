using System.Globalization;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.StructuredReport.Tests.Tid1500;

[Trait("Category", "Interop")]
public sealed class Tid1500WriterInteropTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Samples => ["fdg", "zr", "nq"];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Write_Sample_PassesDciodvfyWithoutErrors(string sample)
    {
        using var temp = new TempDirectory("sr");
        string path = await SaveAsync(sample, temp);
        await Dciodvfy.AssertValidAsync(path, [Dciodvfy.PrivateSchemeWarning], Token);
    }

    [Fact]
    public async Task Write_FdgReport_DsrdumpRendersTrackingIdsAndValuesWithoutWarnings()
    {
        string dsrdump = RequiresTool.Dcmtk("dsrdump");
        using var temp = new TempDirectory("sr");
        string path = await SaveAsync("fdg", temp);
        ToolResult result = await ExternalTool.RunAsync(dsrdump, ["+Pc", path], cancellationToken: Token);
        result.AssertSuccess();
        Assert.Equal(string.Empty, result.StandardError.Trim());
        Assert.Contains("Imaging Measurement Report", result.StandardOutput, StringComparison.Ordinal);
        foreach (string id in new[] { "L1", "L2", "L3", "LIVER" })
        {
            Assert.Contains($"(112039,DCM,\"Tracking Identifier\")=\"{id}\"", result.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains("NUM:(126401,DCM,\"SUVbw\")=\"12.5\" (g/ml{SUVbw},UCUM", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("NUM:(126033,DCM,\"Total Lesion Glycolysis\")=\"101.5\" (g,UCUM", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("NUM:(126405,DCM,\"SUVlbm(Janma)\")=\"8.5\" (g/ml{SUVlbm(Janma)},UCUM", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_NotQuantified_DsrdumpShowsTheReason()
    {
        string dsrdump = RequiresTool.Dcmtk("dsrdump");
        using var temp = new TempDirectory("sr");
        string path = await SaveAsync("nq", temp);
        ToolResult result = await ExternalTool.RunAsync(dsrdump, ["+Pc", "+Pl", path], cancellationToken: Token);
        result.AssertSuccess();
        Assert.Contains("(NOTQUANT,99PACSNODE,\"Not quantified\")", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("SUV not computable: MissingAttribute: PatientWeight", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Measurement Group", result.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>pydicom walks the content tree on its own and prints every NUM of every measurement group.</summary>
    [Theory]
    [InlineData("fdg")]
    [InlineData("zr")]
    public async Task Write_Report_PydicomReadsTheSameNumbers(string sample)
    {
        PythonRunner python = await RequiresTool.PydicomAsync(Token);
        using var temp = new TempDirectory("sr");
        string path = await SaveAsync(sample, temp);
        ToolResult result = await python.RunScriptAsync(WalkScript, [path], cancellationToken: Token);
        result.AssertSuccess();

        MeasurementReport report = Sample(sample);
        (string Key, double Value)[] expected =
        [
            .. report.Groups.SelectMany(g => g.Measurements.Select(m =>
                (string.Join('|', g.TrackingIdentifier, m.Concept.Value, m.Derivation?.Value ?? "-", m.Unit.Value), m.Value))),
        ];
        (string Key, double Value)[] actual =
        [
            .. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => (l[..l.LastIndexOf('|')], double.Parse(l[(l.LastIndexOf('|') + 1)..], CultureInfo.InvariantCulture))),
        ];
        Assert.Equal(expected, actual);
    }

    private const string WalkScript = """
        import sys, pydicom
        ds = pydicom.dcmread(sys.argv[1])
        assert ds.SOPClassUID == '1.2.840.10008.5.1.4.1.1.88.34'
        def code(item, seq):
            c = getattr(item, seq)[0]
            return c.get('CodeValue') or c.get('LongCodeValue')
        for top in ds.ContentSequence:
            if code(top, 'ConceptNameCodeSequence') != '126010':
                continue
            for group in top.ContentSequence:
                tid = [i.TextValue for i in group.ContentSequence if code(i, 'ConceptNameCodeSequence') == '112039'][0]
                for item in group.ContentSequence:
                    if item.ValueType != 'NUM':
                        continue
                    mv = item.MeasuredValueSequence[0]
                    der = [code(m, 'ConceptCodeSequence') for m in item.get('ContentSequence', []) if code(m, 'ConceptNameCodeSequence') == '121401']
                    print('|'.join([tid, code(item, 'ConceptNameCodeSequence'), der[0] if der else '-',
                                    code(mv, 'MeasurementUnitsCodeSequence'), repr(float(mv.FloatingPointValue))]))
        """;

    internal static MeasurementReport Sample(string name) => name switch
    {
        "fdg" => ReportSamples.Fdg(),
        "zr" => ReportSamples.Zirconium(),
        "nq" => ReportSamples.NotQuantified(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static async Task<string> SaveAsync(string sample, TempDirectory temp)
    {
        string path = temp.Combine(sample + ".dcm");
        await Tid1500Writer.Write(Sample(sample)).SaveAsync(path, cancellationToken: Token);
        return path;
    }
}
