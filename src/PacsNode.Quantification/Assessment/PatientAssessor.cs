using System.Globalization;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// The patient-level assessment of issue 6 (DOMAIN.md section 5) from a patient's quantified PET studies: visits
/// (<see cref="VisitAssigner"/>), alignment of each study to the baseline (<see cref="BodyAligner"/>), lesion tracking
/// (<see cref="LesionMatcher"/> on VOI centroids), HER2-PET per lesion on the baseline VOIs carried over to the 89Zr
/// study (<see cref="VoiCarrier"/>, <see cref="VoiMeasurer"/>) and per patient, EORTC per lesion, PERCIST, and the
/// ZEPHIR group. Missing visits give a partial assessment, never an exception.
/// </summary>
public sealed partial class PatientAssessor
{
    private readonly IVolumeKernels _kernels;

    public PatientAssessor(IVolumeKernels kernels)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        _kernels = kernels;
    }

    /// <summary>Quantifies each PET series (automatic lesion detection) with <see cref="PetQuantifier"/>, then assesses.</summary>
    /// <param name="petSeries">The slices of each PET series of the patient, read with pixel data, in any order.</param>
    /// <param name="options">The settings.</param>
    /// <param name="cancellationToken">Cancels reading pixel data.</param>
    public async Task<PatientAssessment> AssessAsync(IReadOnlyList<IReadOnlyList<DicomFile>> petSeries, AssessmentOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(petSeries);
        var quantifier = new PetQuantifier(_kernels);
        var studies = new List<StudyQuantification>();
        foreach (IReadOnlyList<DicomFile> files in petSeries)
        {
            if (files is null || files.Count == 0)
            {
                throw new ArgumentException("every PET series needs at least one file", nameof(petSeries));
            }

            QuantifyResult result = await quantifier.QuantifyAsync(files, new QuantifyRequest(), cancellationToken).ConfigureAwait(false);
            studies.Add(StudyQuantification.From(files[0].Dataset, result));
        }

        return Assess(studies, options);
    }

    /// <param name="studies">The patient's quantified PET studies.</param>
    /// <param name="options">The settings.</param>
    /// <param name="readerClasses">
    /// Readers' HER2-PET classes (<see cref="ReaderHer2Class"/>): each replaces the node's proposed class of the lesion it
    /// names; one that names no lesion is a note. Null or empty: the proposed classes are used.
    /// </param>
    /// <exception cref="ArgumentException">No studies, or studies of different patients.</exception>
    public PatientAssessment Assess(IReadOnlyList<StudyQuantification> studies, AssessmentOptions options, IReadOnlyList<ReaderHer2Class>? readerClasses = null)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(options);
        if (studies.Count == 0)
        {
            throw new ArgumentException("the assessment needs at least one study", nameof(studies));
        }

        string[] patients = [.. studies.Select(s => s.PatientId).Distinct(StringComparer.Ordinal)];
        if (patients.Length > 1)
        {
            throw new ArgumentException($"the studies belong to different patients: {string.Join(", ", patients)}", nameof(studies));
        }

        var notes = new List<string>();
        var usable = new List<StudyQuantification>();
        foreach (StudyQuantification s in studies)
        {
            if (s.Result.Failure is { } failure)
            {
                notes.Add($"study {s.StudyInstanceUid} not quantified ({failure.Stage}: {failure.Reason}: {failure.Message}); left out");
            }
            else if (s.Result.Volume is null || s.Result.Body is null)
            {
                notes.Add($"study {s.StudyInstanceUid} has no SUV volume or body mask in its quantification; left out");
            }
            else
            {
                usable.Add(s);
            }
        }

        VisitAssignment visits = VisitAssigner.Assign(usable, options);
        notes.AddRange(visits.Notes);
        var assessment = new PatientAssessment
        {
            PatientId = patients[0],
            Visits = visits,
            Alignments = new Dictionary<string, RigidAlignment>(),
            Lesions = [],
            Missing = visits.Missing,
            Notes = notes,
            Options = options,
        };
        if (visits.Baseline is not { } baseline)
        {
            return assessment;
        }

        var alignments = new Dictionary<string, RigidAlignment>(StringComparer.Ordinal) { [baseline.StudyInstanceUid] = RigidAlignment.Identity };
        foreach (StudyQuantification? other in (StudyQuantification?[])[visits.Her2Pet, visits.FollowUp])
        {
            if (other is not null)
            {
                RigidAlignment a = Align(baseline, other, options.Alignment);
                alignments[other.StudyInstanceUid] = a;
                notes.AddRange(a.Warnings.Select(w => $"alignment of {other.StudyInstanceUid}: {w}"));
            }
        }

        List<TrackedLesion> lesions = Track(assessment.PatientId, baseline, visits.FollowUp, alignments, options, notes);
        lesions = [.. lesions.Select(l => AddLesionResults(l, baseline, visits.Her2Pet, visits.FollowUp, alignments, options))];
        lesions = ApplyReaderClasses(lesions, readerClasses ?? [], notes);
        double[] distances = [.. lesions.Where(l => l.MatchDistanceMm is not null).Select(l => l.MatchDistanceMm!.Value)];
        Her2PatientResult? her2 = visits.Her2Pet is null ? null : Her2Patient(lesions, options, notes);
        PercistResult? percist = visits.FollowUp is { } followUp ? Percist(baseline, followUp, lesions, options, notes) : null;
        return assessment with
        {
            Alignments = alignments,
            Lesions = lesions,
            LesionResidualRmsMm = distances.Length == 0 ? null : Math.Sqrt(distances.Average(d => d * d)),
            LesionResidualMaxMm = distances.Length == 0 ? null : distances.Max(),
            Her2 = her2,
            Percist = percist,
            Zephir = Zephir(her2, percist, lesions, options, notes),
        };
    }

    private static RigidAlignment Align(StudyQuantification reference, StudyQuantification other, AlignmentOptions options) =>
        string.Equals(reference.FrameOfReferenceUid, other.FrameOfReferenceUid, StringComparison.Ordinal) && reference.FrameOfReferenceUid.Length > 0
            ? RigidAlignment.SameFrame
            : BodyAligner.Align(reference.Result.Volume!, reference.Result.Body!, other.Result.Volume!, other.Result.Body!, options);

    private static List<TrackedLesion> Track(
        string patientId, StudyQuantification baseline, StudyQuantification? followUp, Dictionary<string, RigidAlignment> alignments,
        AssessmentOptions options, List<string> notes)
    {
        LesionObservation[] before = Observations(baseline, VisitRole.Baseline);
        LesionObservation[] after = followUp is null ? [] : Observations(followUp, VisitRole.FollowUp);
        IReadOnlyList<LesionMatch> matches = followUp is null
            ? [.. before.Select((_, i) => new LesionMatch(i, null, null, false))]
            : LesionMatcher.Match(
                [.. before.Select(o => new LesionPosition(o.CentroidMm, Reader(baseline, o)?.Identifier))],
                [.. after.Select(o => new LesionPosition(o.CentroidMm, Reader(followUp, o)?.Identifier))],
                alignments[followUp.StudyInstanceUid], options.MatchToleranceMm);

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (LesionMatch m in matches)
        {
            if (ReaderOf(m, baseline, followUp, before, after) is { } r)
            {
                used.Add(r.Identifier);
            }
        }

        int next = 1;
        var lesions = new List<TrackedLesion>();
        foreach (LesionMatch m in matches.OrderBy(m => m.BaselineIndex ?? int.MaxValue).ThenBy(m => m.FollowUpIndex ?? int.MaxValue))
        {
            ReaderTracking? reader = ReaderOf(m, baseline, followUp, before, after);
            string id = reader?.Identifier ?? NextIdentifier(used, ref next);
            string firstStudy = m.BaselineIndex is null ? followUp!.StudyInstanceUid : baseline.StudyInstanceUid;
            LesionStatus status = followUp is null ? LesionStatus.BaselineOnly
                : m.BaselineIndex is null ? LesionStatus.New
                : m.FollowUpIndex is null ? LesionStatus.Disappeared
                : LesionStatus.Tracked;
            lesions.Add(new TrackedLesion
            {
                TrackingIdentifier = id,
                TrackingUid = reader?.Uid ?? TrackingUids.Derive(patientId, firstStudy, id),
                ReaderIdentified = reader is not null,
                Status = status,
                MatchDistanceMm = m.DistanceMm,
                Baseline = m.BaselineIndex is { } b ? before[b] : null,
                FollowUp = m.FollowUpIndex is { } f ? after[f] : null,
                Notes = m.ByReaderIdentifier ? ["matched by the reader's tracking identifier"] : [],
            });
        }

        if (lesions.Count == 0)
        {
            notes.Add("no lesion VOIs in the baseline or follow-up study");
        }

        return lesions;
    }

    private static ReaderTracking? ReaderOf(LesionMatch m, StudyQuantification baseline, StudyQuantification? followUp, LesionObservation[] before, LesionObservation[] after) =>
        (m.BaselineIndex is { } b ? Reader(baseline, before[b]) : null) ?? (m.FollowUpIndex is { } f ? Reader(followUp!, after[f]) : null);

    private static ReaderTracking? Reader(StudyQuantification study, LesionObservation o) =>
        o.VoiId is { } id && study.ReaderTracking.TryGetValue(id, out ReaderTracking? r) ? r : null;

    private static string NextIdentifier(HashSet<string> used, ref int next)
    {
        string id;
        do
        {
            id = string.Create(CultureInfo.InvariantCulture, $"L{next++}");
        }
        while (!used.Add(id));
        return id;
    }

    private static LesionObservation[] Observations(StudyQuantification study, VisitRole visit) =>
        [.. study.Result.Vois.Select(v => new LesionObservation(
            study.StudyInstanceUid, study.SeriesInstanceUid, visit, v.Voi.Id, v.Voi.Name,
            VoiCarrier.Centroid(v.Voi.Voxels, study.Result.Volume!.Geometry), v.Voi.Voxels, v.Metrics, false)
        {
            ReaderIdentifier = study.ReaderTracking.TryGetValue(v.Voi.Id, out ReaderTracking? r) ? r.Identifier : null,
        })];

    /// <summary>Carries a baseline VOI into another study and measures it there; null when it falls outside.</summary>
    private LesionObservation? Carry(LesionObservation source, StudyQuantification baseline, StudyQuantification target, VisitRole visit, RigidAlignment alignment)
    {
        SuvVolume volume = target.Result.Volume!;
        int[] voxels = VoiCarrier.Carry(source.Voxels, baseline.Result.Volume!.Geometry, volume.Geometry, alignment);
        if (voxels.Length == 0)
        {
            return null;
        }

        SuvFactors factors = target.Result.Factors!;
        double? sul = factors.NormaliserRatios.TryGetValue(SuvNormalisation.LeanBodyMassJanma, out double r) ? r : null;
        var context = new MeasurementContext(target.Result.Body!, sul, target.Result.SulUnavailableReason, target.Result.GlucoseTracer);
        VoiMetrics metrics = new VoiMeasurer(_kernels).Measure(volume, voxels, context);
        return new LesionObservation(target.StudyInstanceUid, target.SeriesInstanceUid, visit, null, source.VoiName,
            VoiCarrier.Centroid(voxels, volume.Geometry), voxels, metrics, true);
    }
}
