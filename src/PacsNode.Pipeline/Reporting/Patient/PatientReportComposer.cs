using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PacsNode.Dicom.Data;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Vois;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Pipeline.Reporting.Patient;

/// <summary>
/// Turns a <see cref="PatientAssessment"/> into the patient-level TID 1500 report of issue 6 part 6: one measurement
/// group per tracked lesion per time point ("baseline", "her2", "follow-up"; same Tracking Identifier and Tracking
/// Unique Identifier in each), the HER2-PET class and status in the lesion's "her2" group, its EORTC category and
/// ZEPHIR group in its "follow-up" group, and at document level the HER2-PET pattern and status, PERCIST and the
/// ZEPHIR group, all coded in 99PACSNODE (<see cref="AssessmentCodes"/>); missing visits and the assessment's notes as
/// comments. Stored in the patient's most recent study; the evidence lists the per-series reports (SR and SEG) and
/// the readers' SRs whose HER2-PET classes replaced the node's proposed ones.
/// Values are copied from the assessment; nothing is measured here.
/// </summary>
public static class PatientReportComposer
{
    public const string TimePointBaseline = "baseline";
    public const string TimePointHer2 = "her2";
    public const string TimePointFollowUp = "follow-up";

    public const string SeriesDescription = "PacsNode patient assessment";

    /// <summary>The study the report goes into: the latest by study date and time (ties: the highest UID, ordinal).</summary>
    public static StudyQuantification LatestStudy(PatientAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Visits.Studies.Select(s => s.Study)
            .OrderBy(s => s.StudyDateTime ?? DateTime.MinValue)
            .ThenBy(s => s.StudyInstanceUid, StringComparer.Ordinal)
            .Last();
    }

    public static MeasurementReport Compose(PatientReportContext context, PatientAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(assessment);
        StudyQuantification latest = LatestStudy(assessment);
        if (!context.StudyHeaders.TryGetValue(latest.StudyInstanceUid, out DicomDataset? header))
        {
            throw new ArgumentException($"No header was given for the most recent study {latest.StudyInstanceUid}.", nameof(context));
        }

        var groups = new List<MeasurementGroup>();
        var notes = new List<string>();
        foreach (TrackedLesion lesion in assessment.Lesions)
        {
            groups.AddRange(LesionGroups(context, lesion));
            notes.Add(LesionNote(lesion));
        }

        List<QualitativeEvaluation> evaluations = DocumentEvaluations(assessment);
        notes.InsertRange(0, assessment.Missing.Select(m => "missing: " + m));
        notes.Insert(assessment.Missing.Count, assessment.IsComplete ? "complete assessment" : "PARTIAL assessment: visits are missing");
        notes.Add("visit rule: " + assessment.Visits.Rule);
        notes.AddRange(assessment.Visits.Studies.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"visit {s.Role}: study {s.Study.StudyInstanceUid}, PET series {s.Study.SeriesInstanceUid}, {s.Study.Tracer.Tracer}{AlignmentText(assessment, s.Study)}")));
        notes.AddRange(SummaryNotes(assessment));
        notes.AddRange(assessment.Notes);

        string contentKey = ContentKey(assessment.PatientId, groups, evaluations, notes);
        var evidence = new List<SopReference>();
        foreach ((StudyQuantification study, VisitRole _) in assessment.Visits.Studies)
        {
            if (context.SeriesReports.TryGetValue(study.SeriesInstanceUid, out SeriesReport? series))
            {
                evidence.Add(series.Sr);
                if (series.Seg is { } seg)
                {
                    evidence.Add(seg);
                }
            }
        }

        foreach (string readerSr in assessment.Lesions.Select(l => l.Her2?.ReaderSourceUid).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            evidence.Add(context.ReaderReports.FirstOrDefault(r => string.Equals(r.SopInstanceUid, readerSr, StringComparison.Ordinal))
                ?? throw new ArgumentException($"The reader SR {readerSr} a HER2-PET class came from is not among the context's reader reports.", nameof(context)));
        }

        return new MeasurementReport
        {
            Subject = ReportSubject.FromDataset(header),
            Document = new DocumentIdentity
            {
                SeriesInstanceUid = PatientReportIdentities.SeriesUid(assessment.PatientId, latest.StudyInstanceUid),
                SopInstanceUid = PatientReportIdentities.InstanceUid(assessment.PatientId, contentKey),
                SeriesNumber = context.SeriesNumber,
                InstanceNumber = context.InstanceNumber,
                SeriesDescription = SeriesDescription,
            },
            ContentDateTime = context.ContentDateTime,
            Device = context.Device,
            Algorithm = context.Algorithm,
            ProcedureReported = Concepts.PetWholeBody,
            Groups = groups,
            Evaluations = evaluations,
            Notes = notes,
            Evidence = evidence,
            Predecessors = context.Predecessors,
            PrivateCodingSchemes = [CodingSchemeDeclaration.PacsNode],
        };
    }

    /// <summary>A 99PACSNODE code with its meaning from <see cref="AssessmentCodes.Meaning"/>.</summary>
    public static Code PrivateCode(string value) => new(value, AssessmentCodes.Scheme, AssessmentCodes.Meaning(value));

    private static IEnumerable<MeasurementGroup> LesionGroups(PatientReportContext context, TrackedLesion lesion)
    {
        if (lesion.Baseline is { } baseline)
        {
            yield return Group(context, lesion, baseline, TimePointBaseline, []);
        }

        var her2 = new List<QualitativeEvaluation>();
        if (lesion.Her2 is { Class: { } used, Positive: { } positive })
        {
            her2.Add(new QualitativeEvaluation(PrivateCode(AssessmentCodes.ConceptHer2Class), PrivateCode(AssessmentCodes.Her2Class(used))));
            her2.Add(new QualitativeEvaluation(PrivateCode(AssessmentCodes.ConceptHer2Status), PrivateCode(AssessmentCodes.Status(positive))));
        }

        if (lesion.Her2Pet is { } her2Pet)
        {
            yield return Group(context, lesion, her2Pet, TimePointHer2, her2);
        }

        var followUp = new List<QualitativeEvaluation>();
        if (lesion.Eortc is { } eortc)
        {
            followUp.Add(new QualitativeEvaluation(PrivateCode(AssessmentCodes.ConceptEortc), PrivateCode(AssessmentCodes.Response(eortc.Category))));
        }

        if (lesion.Group is { } group)
        {
            followUp.Add(new QualitativeEvaluation(PrivateCode(AssessmentCodes.ConceptZephirGroup), PrivateCode(AssessmentCodes.Group(group))));
        }

        if (lesion.FollowUp is { } follow)
        {
            yield return Group(context, lesion, follow, TimePointFollowUp, followUp);
        }
    }

    private static MeasurementGroup Group(
        PatientReportContext context, TrackedLesion lesion, LesionObservation observation, string timePoint,
        IReadOnlyList<QualitativeEvaluation> evaluations) => new()
        {
            TrackingIdentifier = lesion.TrackingIdentifier,
            TrackingUid = lesion.TrackingUid,
            Finding = Concepts.Lesion,
            TimePoint = timePoint,
            Segment = observation.CarriedOver ? null : SegmentOf(context, observation),
            SourceSeriesInstanceUid = observation.SeriesInstanceUid,
            MeasurementMethod = Concepts.SuvBodyWeightMethod,
            Measurements = Measurements(observation.Metrics, fdg: observation.Visit != VisitRole.Her2Pet),
            Evaluations = evaluations,
        };

    /// <summary>
    /// The segment of the series' own report that is this VOI: its group's Tracking Identifier is the VOI id (automatic
    /// detection) or the reader's tracking identifier (<see cref="ReaderTracking.Of(Voi)"/>), else the reader's VOI name.
    /// A VOI carried over from another study has none.
    /// </summary>
    private static SegmentReference? SegmentOf(PatientReportContext context, LesionObservation observation)
    {
        if (!context.SeriesReports.TryGetValue(observation.SeriesInstanceUid, out SeriesReport? series) || series.Seg is null)
        {
            return null;
        }

        string name = observation.VoiName.Trim();
        StoredMeasurementGroup? group = series.Report.Groups.FirstOrDefault(g => observation.ReaderIdentifier is not null && string.Equals(g.TrackingIdentifier, observation.ReaderIdentifier, StringComparison.Ordinal))
            ?? series.Report.Groups.FirstOrDefault(g => string.Equals(g.TrackingIdentifier, observation.VoiId, StringComparison.Ordinal))
            ?? series.Report.Groups.FirstOrDefault(g => name.Length > 0 && string.Equals(g.TrackingIdentifier, name, StringComparison.Ordinal));
        return group?.Segment is { } segment && string.Equals(segment.SopInstanceUid, series.Seg.SopInstanceUid, StringComparison.Ordinal)
            ? segment
            : null;
    }

    private static List<Measurement> Measurements(VoiMetrics m, bool fdg)
    {
        var list = new List<Measurement>
        {
            new(Concepts.SuvBw, Concepts.Maximum, m.SuvMax, Units.SuvBw),
            new(Concepts.SuvBw, Concepts.Mean, m.SuvMean, Units.SuvBw),
            new(Concepts.SuvBw, Concepts.PeakValueWithinRoi, m.SuvPeak, Units.SuvBw),
        };
        if (m.SulPeak is { } sul)
        {
            list.Add(new Measurement(Concepts.SuvLbmJanma, Concepts.PeakValueWithinRoi, sul, Units.SuvLbmJanma));
        }

        list.Add(new Measurement(Concepts.MetabolicVolume, null, m.MtvMl, Units.Milliliter));
        if (fdg && m.Tlg is { } tlg)
        {
            list.Add(new Measurement(Concepts.TotalLesionGlycolysis, null, tlg, Units.Gram));
        }

        if (m.Lbr is { } lbr)
        {
            list.Add(new Measurement(Concepts.LesionToBackgroundRatio, null, lbr, Units.NoUnits));
        }

        return [.. list.Where(x => double.IsFinite(x.Value))];
    }

    private static List<QualitativeEvaluation> DocumentEvaluations(PatientAssessment assessment)
    {
        var list = new List<QualitativeEvaluation>();
        if (assessment.Her2 is { } her2)
        {
            list.Add(new QualitativeEvaluation(PrivateCode(AssessmentCodes.ConceptHer2Pattern), PrivateCode(AssessmentCodes.Pattern(her2.Pattern))));
            list.Add(new QualitativeEvaluation(PrivateCode(AssessmentCodes.ConceptHer2Status), PrivateCode(AssessmentCodes.Status(her2.Positive))));
        }

        if (assessment.Percist is { } percist)
        {
            list.Add(new QualitativeEvaluation(PrivateCode(AssessmentCodes.ConceptPercist), PrivateCode(AssessmentCodes.Response(percist.Category))));
        }

        if (assessment.Zephir is { } zephir)
        {
            list.Add(new QualitativeEvaluation(PrivateCode(AssessmentCodes.ConceptZephirGroup), PrivateCode(AssessmentCodes.Group(zephir.Group))));
        }

        return list;
    }

    private static string LesionNote(TrackedLesion l)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{l.TrackingIdentifier}: {l.Status}"));
        if (l.MatchDistanceMm is { } d)
        {
            text.Append(CultureInfo.InvariantCulture, $", matched at {d:0.0} mm");
        }

        if (l.Her2 is { ReaderClass: not null } read)
        {
            text.Append(CultureInfo.InvariantCulture, $", HER2-PET class by reader {read.ReaderObserver} (SR {read.ReaderSourceUid}), ")
                .Append(read.ProposedClass is { } p ? "node proposed " + AssessmentCodes.Her2Class(p) : "node proposed none: " + read.Reason);
        }
        else if (l.Her2 is { ProposedClass: not null })
        {
            text.Append(", HER2-PET class proposed by the node");
        }
        else if (l.Her2?.Reason is { } reason)
        {
            text.Append(", no HER2-PET class: ").Append(reason);
        }

        if (l.Eortc is { } e)
        {
            text.Append(", EORTC ").Append(e.Basis);
        }

        foreach (string n in l.Notes)
        {
            text.Append("; ").Append(n);
        }

        return text.ToString();
    }

    /// <summary>The study's alignment to the baseline (translation, rotation angles, NCC, method), or nothing.</summary>
    private static string AlignmentText(PatientAssessment a, StudyQuantification study) =>
        a.Alignments.TryGetValue(study.StudyInstanceUid, out RigidAlignment? alignment) ? "; alignment to the baseline: " + alignment.Describe() : string.Empty;

    private static IEnumerable<string> SummaryNotes(PatientAssessment a)
    {
        IFormatProvider inv = CultureInfo.InvariantCulture;
        if (a.LesionResidualRmsMm is { } rms)
        {
            yield return string.Create(inv, $"lesion residual after alignment: RMS {rms:0.00} mm, max {a.LesionResidualMaxMm:0.00} mm");
        }

        if (a.Her2 is { } p)
        {
            yield return string.Create(inv, $"HER2-PET: {p.PositiveShare:0.0%} of the tumour load ({p.Weight}) in positive lesions, {p.Lesions} lesion(s)");
        }

        if (a.Percist is { } r)
        {
            yield return string.Create(inv, $"PERCIST on {r.Metric}: {r.BaselineHottestLesion} {r.BaselineHottest:0.###} to {r.FollowUpHottestLesion ?? "none"} {r.FollowUpHottest:0.###}, new lesions {r.NewLesions}, liver comparable {r.LiverComparable?.ToString() ?? "unknown"}, uptake comparable {r.UptakeComparable?.ToString() ?? "unknown"}");
        }

        if (a.Zephir is { Statement: { } statement })
        {
            yield return statement;
        }
    }

    /// <summary>What identifies this report's content: same assessment, same key, same SOP Instance UID.</summary>
    private static string ContentKey(string patientId, List<MeasurementGroup> groups, List<QualitativeEvaluation> evaluations, List<string> notes)
    {
        var text = new StringBuilder(patientId).Append('\n');
        foreach (MeasurementGroup g in groups)
        {
            text.Append(g.TrackingIdentifier).Append('|').Append(g.TrackingUid).Append('|').Append(g.TimePoint).Append('|')
                .Append(g.SourceSeriesInstanceUid).Append('|').Append(g.Segment?.SopInstanceUid).Append('|').Append(g.Segment?.SegmentNumber);
            foreach (Measurement m in g.Measurements)
            {
                text.Append('|').Append(m.Concept.Value).Append(m.Derivation?.Value).Append('=').Append(m.Value.ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (QualitativeEvaluation e in g.Evaluations)
            {
                text.Append('|').Append(e.Concept.Value).Append('=').Append(e.Value.Value);
            }

            text.Append('\n');
        }

        foreach (QualitativeEvaluation e in evaluations)
        {
            text.Append(e.Concept.Value).Append('=').Append(e.Value.Value).Append('\n');
        }

        foreach (string n in notes)
        {
            text.Append(n).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
