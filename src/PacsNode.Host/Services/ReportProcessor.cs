using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacsNode.Host.Options;
using PacsNode.Pipeline;
using PacsNode.Pipeline.Reporting;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Storage.Index;

namespace PacsNode.Host.Services;

/// <summary>The node's report processor: <see cref="PetReportProcessor"/> over the shared archive and index, configured from <c>PacsNode:Pipeline</c>.</summary>
internal static class ReportProcessor
{
    public static ISeriesProcessor Create(IServiceProvider services)
    {
        PipelineOptions pipeline = services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        ListenerOptions listener = services.GetRequiredService<IOptions<ListenerOptions>>().Value;
        var settings = new ReportingSettings
        {
            AeTitle = listener.AeTitle.Trim(),
            SoftwareVersion = PetReportProcessor.BuildVersion,
            Accelerator = AcceleratorChoiceText.Parse(pipeline.Accelerator),
            Detection = new LesionDetectionOptions { Method = pipeline.VoiThreshold, FixedSuv = pipeline.FixedSuv },
        };
        return new PetReportProcessor(
            services.GetRequiredService<NodeStorage>().Archive,
            new IndexCatalog(services.GetRequiredService<NodeIndex>().Database),
            settings,
            services.GetRequiredService<TimeProvider>());
    }
}
