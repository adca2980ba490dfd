using PacsNode.Quantification.Phantoms;
using PacsNode.Storage.Index;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Pipeline.Tests.Reporting;

/// <summary>The processor's SR and SEG (FDG with TLG, 89Zr without, and the not-quantified SR) before dciodvfy and dsrdump.</summary>
[Trait("Category", "Interop")]
public sealed class PetReportProcessorInteropTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PhantomTracer.Fdg)]
    [InlineData(PhantomTracer.Zr89)]
    public async Task Process_Phantom_DciodvfyFindsNoErrorAndDsrdumpRendersTheReport(PhantomTracer tracer)
    {
        string dciodvfy = RequiresTool.OnPath("dciodvfy", "dicom3tools");
        string dsrdump = RequiresTool.Dcmtk("dsrdump");
        await using ReportingHarness harness = await ReportingHarness.CreateAsync(tracer, Token);
        await harness.StoreAsync([.. harness.PetFiles, .. harness.CtFiles], Token);

        ProcessingOutcome outcome = await harness.ProcessAsync(Token);

        Assert.True(outcome.Succeeded, outcome.Summary);
        foreach (string uid in outcome.ResultInstanceUids)
        {
            CatalogInstance stored = (await harness.Catalog.FindInstanceAsync(uid, Token))!;
            ToolResult check = await ExternalTool.RunAsync(dciodvfy, [stored.FilePath], cancellationToken: Token);
            string output = check.StandardOutput + check.StandardError;
            Assert.False(output.Split('\n').Any(l => l.StartsWith("Error", StringComparison.Ordinal)), output);
        }

        CatalogInstance sr = (await harness.Catalog.FindInstanceAsync(outcome.ResultInstanceUids[^1], Token))!;
        ToolResult dump = (await ExternalTool.RunAsync(dsrdump, [sr.FilePath], cancellationToken: Token)).AssertSuccess();
        Assert.Contains("Imaging Measurement Report", dump.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"LIVER\"", dump.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"L1\"", dump.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(tracer == PhantomTracer.Fdg, dump.StandardOutput.Contains("Total Lesion Glycolysis", StringComparison.Ordinal));
    }
}
