using System.Diagnostics;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Lesions;

/// <summary>
/// One PET series from files to measured VOIs (issue 4 parts 4 and 6): SUV factors, the SUVbw volume, the body mask,
/// the liver reference (found or given), then either the reader's VOIs (RTSTRUCT or SEG) or automatic detection, each
/// VOI measured by <see cref="VoiMeasurer"/>. All data-parallel work goes through the given kernels.
/// </summary>
public sealed class PetQuantifier
{
    private readonly IVolumeKernels _kernels;

    public PetQuantifier(IVolumeKernels kernels)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        _kernels = kernels;
    }

    /// <param name="files">The slices of one PET series, read with their pixel data.</param>
    /// <param name="request">What to measure.</param>
    /// <param name="cancellationToken">Cancels reading pixel data.</param>
    public async Task<QuantifyResult> QuantifyAsync(IReadOnlyList<DicomFile> files, QuantifyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(request);
        var timings = new Dictionary<string, double>();
        long start = Stopwatch.GetTimestamp();
        DicomDataset[] headers = [.. files.Select(f => f.Dataset)];
        SuvResult suv = SuvCalculator.Calculate(headers, request.Suv);
        Lap(timings, "suv", ref start);
        if (!suv.IsSuccess)
        {
            return Failed("suv", suv.Failure.Reason.ToString(), suv.Failure.Message, timings);
        }

        VolumeResult<SuvVolume> built = await SuvVolumeBuilder.BuildAsync(files, suv.Factors, SuvNormalisation.BodyWeight, cancellationToken).ConfigureAwait(false);
        Lap(timings, "volume", ref start);
        if (!built.IsSuccess)
        {
            return Failed("volume", built.Failure.Reason.ToString(), built.Failure.Message, timings) with { Factors = suv.Factors };
        }

        SuvVolume volume = built.Value;
        double? sulRatio = suv.Factors.NormaliserRatios.TryGetValue(SuvNormalisation.LeanBodyMassJanma, out double r) ? r : null;
        string? sulReason = sulRatio is null
            ? string.Join("; ", ["SUL (lean body mass, Janmahasatian) needs PatientWeight and PatientSize", .. suv.Factors.Provenance.Notes.Where(n => n.Contains("missing", StringComparison.Ordinal))])
            : null;
        bool glucose = GlucoseTracer.Is(headers[0]);
        var body = BodyMask.Compute(volume, _kernels);
        var context = new MeasurementContext(body, sulRatio, sulReason, glucose);
        Lap(timings, "body", ref start);

        var finder = new LiverReferenceFinder(_kernels);
        LiverSearch liver = request.LiverCentre is { } centre ? finder.At(volume, centre, sulRatio) : finder.Find(volume, body, sulRatio);
        Lap(timings, "liver", ref start);

        var pet = PetSeriesReference.From(headers, volume.Geometry);
        var result = new QuantifyResult
        {
            Factors = suv.Factors,
            Liver = liver,
            Series = pet,
            GlucoseTracer = glucose,
            Volume = volume,
            Body = body,
            SulUnavailableReason = sulReason,
            Backend = _kernels.Backend,
            TimingsMs = timings,
        };
        if (request.RtStruct is null && request.Seg is null)
        {
            LesionDetection detection = new LesionDetector(_kernels).Detect(volume, context, liver.Liver, request.Detection);
            Lap(timings, "detection", ref start);
            return result with
            {
                Detection = detection,
                Vois = [.. detection.Lesions.Select(c => new MeasuredVoi(c.Voi!, c.Metrics!))],
                Notes = liver.Notes,
            };
        }

        VoiReadResult read = request.RtStruct is { } rs
            ? RtStructReader.Read(rs, volume.Geometry, pet)
            : await SegReader.ReadAsync(request.Seg!, volume.Geometry, pet, cancellationToken).ConfigureAwait(false);
        if (!read.IsSuccess)
        {
            return result with { Failure = new QuantifyFailure("voi", read.Reason.Value.ToString(), read.Message) };
        }

        var measurer = new VoiMeasurer(_kernels);
        MeasuredVoi[] measured = [.. read.Vois.Select(v => new MeasuredVoi(v, measurer.Measure(volume, v.Voxels, context)))];
        Lap(timings, "vois", ref start);
        return result with { Vois = measured, Notes = [.. liver.Notes, .. read.Notes] };
    }

    private static QuantifyResult Failed(string stage, string reason, string message, Dictionary<string, double> timings) =>
        new() { Failure = new QuantifyFailure(stage, reason, message), TimingsMs = timings };

    private static void Lap(Dictionary<string, double> timings, string step, ref long start)
    {
        long now = Stopwatch.GetTimestamp();
        timings[step] = Stopwatch.GetElapsedTime(start, now).TotalMilliseconds;
        start = now;
    }
}
