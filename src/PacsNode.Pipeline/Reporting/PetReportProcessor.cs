using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Segmentation;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Pipeline.Reporting;

/// <summary>
/// The production <see cref="ISeriesProcessor"/>: loads a PET series (and a reader's RTSTRUCT/SEG) through the index,
/// quantifies it on the configured kernels, writes the TID 1500 SR and the SEG (or the short not-quantified SR), and
/// stores them through the same archive as received instances, so C-FIND finds them and C-MOVE/C-GET deliver them.
/// Idempotent: the result UIDs derive from the PET series and its inputs, and a version already stored is not made
/// again, so a job re-run after a kill -9 returns the instances the first run stored.
/// </summary>
public sealed class PetReportProcessor : ISeriesProcessor, IDisposable
{
    private readonly InstanceArchive _archive;
    private readonly IndexCatalog _catalog;
    private readonly ReportingSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly Lazy<IVolumeKernels> _kernels;

    public PetReportProcessor(InstanceArchive archive, IndexCatalog catalog, ReportingSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _archive = archive;
        _catalog = catalog;
        _settings = settings;
        _timeProvider = timeProvider;
        _kernels = new Lazy<IVolumeKernels>(() => KernelFactory.Create(settings.Accelerator), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The node's one set of volume kernels (one accelerator context), created on first use and disposed with this
    /// processor; <see cref="Patient.PatientReportingProcessor"/> measures the patient step on them too.
    /// </summary>
    internal IVolumeKernels Kernels => _kernels.Value;

    /// <summary>The lesion detection settings of the per-series reports.</summary>
    internal LesionDetectionOptions Detection => _settings.Detection;

    /// <summary>This build's version, for <see cref="ReportingSettings.SoftwareVersion"/>.</summary>
    public static string BuildVersion =>
        typeof(PetReportProcessor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    public async Task<ProcessingOutcome> ProcessAsync(PipelineJob job, StageTimer timings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(timings);
        if (job.Kind == JobKind.ReaderHer2)
        {
            // A reader's HER2-PET classes change the patient report only (PatientReportingProcessor); no series report.
            return ProcessingOutcome.Success([], "reader SR: no series report (HER2-PET classes are used by the patient report)");
        }

        ReportInputs inputs;
        using (timings.Measure("load"))
        {
            ReportInputs.Resolution resolved = await ReportInputs.LoadAsync(_catalog, job, cancellationToken).ConfigureAwait(false);
            if (resolved.Inputs is null)
            {
                return resolved.Skip
                    ? ProcessingOutcome.Success([], resolved.Reason!)
                    : ProcessingOutcome.PermanentFailure(resolved.Reason!);
            }

            inputs = resolved.Inputs;
        }

        var ids = ReportIdentities.For(inputs.PetSeriesUid, InputKey(inputs));
        if (inputs.Reader is { } reader && string.Equals(reader.SeriesInstanceUid, ids.SegSeriesUid, StringComparison.Ordinal))
        {
            return ProcessingOutcome.Success([], "the SEG is this node's own result; nothing to report on");
        }

        ReportVersions history = await ReportHistory.ReadAsync(_catalog, ids.SrSeriesUid, cancellationToken).ConfigureAwait(false);
        if (history.Contains(ids.SrInstanceUid))
        {
            bool hasSeg = await _catalog.FindInstanceAsync(ids.SegInstanceUid, cancellationToken).ConfigureAwait(false) is not null;
            return ProcessingOutcome.Success(hasSeg ? [ids.SegInstanceUid, ids.SrInstanceUid] : [ids.SrInstanceUid],
                $"report {ids.SrInstanceUid} for these inputs is already stored");
        }

        IReadOnlyList<DicomFile> files;
        using (timings.Measure("load"))
        {
            files = await inputs.ReadPetAsync(cancellationToken).ConfigureAwait(false);
        }

        QuantifyResult result;
        using (timings.Measure("quantify"))
        {
            var request = new QuantifyRequest
            {
                Detection = _settings.Detection,
                RtStruct = inputs.ReaderIsRtStruct ? inputs.ReaderDataset : null,
                Seg = inputs.Reader is not null && !inputs.ReaderIsRtStruct ? inputs.ReaderDataset : null,
            };
            result = await new PetQuantifier(Kernels).QuantifyAsync(files, request, cancellationToken).ConfigureAwait(false);
        }

        foreach (KeyValuePair<string, double> step in result.TimingsMs)
        {
            timings.Record("quantify:" + step.Key, TimeSpan.FromMilliseconds(step.Value));
        }

        var context = new ReportContext
        {
            PetHeader = files[0].Dataset,
            PetInstances = inputs.PetInstances,
            CtInstances = inputs.CtInstances,
            CtFrameOfReferenceUid = inputs.CtFrameOfReferenceUid,
            ReaderVois = inputs.Reader,
            Identities = ids,
            InstanceNumber = history.HighestInstanceNumber + 1,
            ContentDateTime = _timeProvider.GetLocalNow(),
            Device = _settings.Device(),
            Algorithm = Algorithm(inputs, result.Backend),
            Predecessors = history.Current is { } current ? [current] : [],
            SrSeriesNumber = _settings.SrSeriesNumber,
            SegSeriesNumber = _settings.SegSeriesNumber,
        };
        DicomFile? seg = null;
        DicomFile sr;
        using (timings.Measure("report"))
        {
            if (result.IsSuccess)
            {
                (MeasurementReport report, SegmentationInput segmentation) = ReportComposer.Compose(context, result);
                seg = SegmentationWriter.Write(segmentation);
                sr = Tid1500Writer.Write(report);
            }
            else
            {
                sr = Tid1500Writer.Write(ReportComposer.NotQuantified(context, result.Failure, result.Notes));
            }
        }

        using (timings.Measure("store"))
        {
            foreach (DicomFile file in seg is null ? [sr] : new[] { seg, sr })
            {
                StoreResult stored = await _archive.StoreAsync(file, cancellationToken).ConfigureAwait(false);
                if (stored.Outcome == StoreOutcome.OutOfResources)
                {
                    return ProcessingOutcome.TransientFailure("the node's disk is below its free-space threshold; the report was not stored");
                }
            }
        }

        string summary = result.IsSuccess
            ? string.Create(CultureInfo.InvariantCulture, $"report v{context.InstanceNumber}: {result.Vois.Count} VOI(s), liver {(result.Liver.IsFound ? "found" : "not found")}")
            : $"not quantified ({result.Failure.Stage} {result.Failure.Reason}): {result.Failure.Message}";
        return ProcessingOutcome.Success(seg is null ? [ids.SrInstanceUid] : [ids.SegInstanceUid, ids.SrInstanceUid], summary);
    }

    public void Dispose()
    {
        if (_kernels.IsValueCreated)
        {
            _kernels.Value.Dispose();
        }
    }

    private AlgorithmIdentification Algorithm(ReportInputs inputs, string backend)
    {
        var parameters = new List<AlgorithmParameter>
        {
            inputs.Reader is null ? VoiParameter.Automatic(ThresholdText(_settings.Detection)) : VoiParameter.Reader(inputs.ReaderIsRtStruct, inputs.Reader.SopInstanceUid),
            new("SUVpeak sphere", "1 cm3, radius 6.2035 mm, centred on VOI voxel centres"),
            new("Liver reference", "3 cm sphere, PERCIST"),
            new("Accelerator", backend),
        };
        if (inputs.Reader is null)
        {
            parameters.Add(new AlgorithmParameter("Detection", string.Create(CultureInfo.InvariantCulture,
                $"PERCIST 1.5 x liver SULmean + 2 SD, else SUVbw {_settings.Detection.FallbackThresholdSuv}; minimum {_settings.Detection.MinimumVolumeMl} ml")));
        }

        return new AlgorithmIdentification("PacsNode PET quantification", _settings.AlgorithmVersion, parameters);
    }

    private static string ThresholdText(LesionDetectionOptions detection) => detection.Method switch
    {
        VoiThresholdMethod.Percent41 => "41% of SUVmax, 26-connected",
        VoiThresholdMethod.Percent50 => "50% of SUVmax, 26-connected",
        VoiThresholdMethod.FixedSuv => string.Create(CultureInfo.InvariantCulture, $"SUVbw >= {detection.FixedSuv}, 26-connected"),
        VoiThresholdMethod.PercistLiver => "PERCIST liver threshold, 26-connected",
        _ => detection.Method.ToString(),
    };

    /// <summary>What identifies one version's inputs: the sorted PET SOP Instance UIDs and the reader's instance.</summary>
    private static string InputKey(ReportInputs inputs)
    {
        var text = new StringBuilder();
        foreach (SopReference pet in inputs.PetInstances)
        {
            text.Append(pet.SopInstanceUid).Append('\n');
        }

        text.Append("reader:").Append(inputs.Reader?.SopInstanceUid);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
