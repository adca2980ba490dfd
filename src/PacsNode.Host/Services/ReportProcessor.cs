using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacsNode.Host.Options;
using PacsNode.Pipeline;
using PacsNode.Pipeline.Reporting;
using PacsNode.Pipeline.Reporting.Patient;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Storage;
using PacsNode.Storage.Index;

namespace PacsNode.Host.Services;

/// <summary>
/// The node's report processor: <see cref="PetReportProcessor"/> over the shared archive and index, configured from
/// <c>PacsNode:Pipeline</c>, followed by the patient report (<see cref="PatientReportingProcessor"/>).
/// </summary>
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
        InstanceArchive archive = services.GetRequiredService<NodeStorage>().Archive;
        var catalog = new IndexCatalog(services.GetRequiredService<NodeIndex>().Database);
        TimeProvider time = services.GetRequiredService<TimeProvider>();

        // Each series report is followed by the patient report when the patient has two or more PET studies (issue 6
        // part 7), unless PacsNode:Pipeline:PatientReports is false.
        var series = new PetReportProcessor(archive, catalog, settings, time);
        return pipeline.PatientReports
            ? new PatientReportingProcessor(series, archive, catalog, settings, pipeline.ToAssessmentOptions(), time)
            : series;
    }
}
