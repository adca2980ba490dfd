using System.Globalization;

namespace PacsNode.Quantification.Assessment;

/// <summary>The per-lesion and per-patient results of <see cref="PatientAssessor"/>.</summary>
public sealed partial class PatientAssessor
{
    private TrackedLesion AddLesionResults(
        TrackedLesion lesion, StudyQuantification baseline, StudyQuantification? her2Study, StudyQuantification? followUp,
        Dictionary<string, RigidAlignment> alignments, AssessmentOptions options)
    {
        if (lesion.Baseline is not { } start)
        {
            return lesion with { Notes = [.. lesion.Notes, "new at follow-up: progressive disease for PERCIST; no baseline for EORTC or HER2-PET"] };
        }

        var notes = new List<string>(lesion.Notes);
        LesionObservation? onHer2 = null;
        Her2LesionResult? her2 = null;
        if (her2Study is not null)
        {
            onHer2 = Carry(start, baseline, her2Study, VisitRole.Her2Pet, alignments[her2Study.StudyInstanceUid]);
            her2 = onHer2 is null ? new Her2LesionResult(null, null, null, null, "the carried-over VOI lies outside the 89Zr volume")
                : onHer2.Metrics.Lbr is not { } lbr ? new Her2LesionResult(null, onHer2.Metrics.SuvMax, onHer2.Metrics.SuvPeak, null, "no background shell inside the body on the 89Zr study")
                : new Her2LesionResult(Her2Rules.ProposeClass(lbr, options), onHer2.Metrics.SuvMax, onHer2.Metrics.SuvPeak, lbr, null);
        }

        LesionObservation? after = lesion.FollowUp;
        EortcLesionResult? eortc = null;
        if (followUp is not null && after is not null)
        {
            eortc = new EortcLesionResult(EortcRule.Classify(start.Metrics.SuvMax, after.Metrics.SuvMax, options), start.Metrics.SuvMax,
                after.Metrics.SuvMax, EortcRule.Change(start.Metrics.SuvMax, after.Metrics.SuvMax), "SUVmax change, matched lesion");
        }
        else if (followUp is not null)
        {
            after = Carry(start, baseline, followUp, VisitRole.FollowUp, alignments[followUp.StudyInstanceUid]);
            if (after is null)
            {
                notes.Add("not found at follow-up and its VOI lies outside the follow-up volume: EORTC not assessable");
            }
            else
            {
                ResponseCategory category = EortcRule.Disappeared(start.Metrics.SuvMax, after.Metrics.SuvMax, after.Metrics.Lbr, options);
                eortc = new EortcLesionResult(category, start.Metrics.SuvMax, after.Metrics.SuvMax, EortcRule.Change(start.Metrics.SuvMax, after.Metrics.SuvMax),
                    string.Create(CultureInfo.InvariantCulture, $"not found at follow-up; baseline VOI carried over: LBR {after.Metrics.Lbr?.ToString("0.###", CultureInfo.InvariantCulture) ?? "none"} (CMR below {options.EortcCmrMaximumLbr})"));
            }
        }

        ZephirGroup? group = her2?.Positive is { } positive && eortc is not null ? ZephirRule.Group(positive, EortcRule.IsResponse(eortc.Category)) : null;
        return lesion with { Her2Pet = onHer2, Her2 = her2, FollowUp = after, Eortc = eortc, Group = group, Notes = notes };
    }

    private static Her2PatientResult? Her2Patient(List<TrackedLesion> lesions, AssessmentOptions options, List<string> notes)
    {
        var classified = new List<(double Weight, bool Positive)>();
        var patternNotes = new List<string>();
        foreach (TrackedLesion lesion in lesions.Where(l => l.Baseline is not null))
        {
            if (lesion.Her2?.Positive is not { } positive)
            {
                patternNotes.Add($"{lesion.TrackingIdentifier} has no HER2-PET class ({lesion.Her2?.Reason}); left out of the pattern");
                continue;
            }

            double weight = options.PatternWeight switch
            {
                TumourLoadWeight.Tlg => lesion.Baseline!.Metrics.Tlg ?? 0,
                TumourLoadWeight.Count => 1,
                _ => lesion.Baseline!.Metrics.MtvMl,
            };
            classified.Add((weight, positive));
        }

        if (classified.Count == 0 || !(classified.Sum(c => c.Weight) > 0))
        {
            notes.Add("HER2-PET pattern: no baseline lesion with a HER2-PET class and tumour load");
            return null;
        }

        (Her2Pattern pattern, double share) = Her2Rules.Pattern(classified, options);
        return new Her2PatientResult(pattern, Her2Rules.IsPositive(pattern), share, classified.Where(c => c.Positive).Sum(c => c.Weight),
            classified.Sum(c => c.Weight), options.PatternWeight, classified.Count, patternNotes);
    }

    private static PercistResult? Percist(StudyQuantification baseline, StudyQuantification followUp, List<TrackedLesion> lesions, AssessmentOptions options, List<string> notes)
    {
        LesionObservation[] before = [.. lesions.Where(l => l.Baseline is not null).Select(l => l.Baseline!)];
        if (before.Length == 0)
        {
            notes.Add("PERCIST: no baseline lesion");
            return null;
        }

        (TrackedLesion Lesion, LesionObservation Observation)[] after =
            [.. lesions.Where(l => l.FollowUp is { CarriedOver: false }).Select(l => (l, l.FollowUp!))];
        double? baseLiverSul = baseline.Result.Liver?.Liver?.SulMean, followLiverSul = followUp.Result.Liver?.Liver?.SulMean;
        bool sul = before.All(o => o.Metrics.SulPeak is not null) && after.All(a => a.Observation.Metrics.SulPeak is not null)
            && baseLiverSul is not null && followLiverSul is not null;
        double Value(LesionObservation o) => sul ? o.Metrics.SulPeak!.Value : o.Metrics.SuvPeak;
        var percistNotes = new List<string>();
        if (!sul)
        {
            percistNotes.Add("SUL (or a liver SULmean) is not available for every lesion and both livers: SUVbw peak and liver SUVmean are used");
        }

        TrackedLesion hottestBefore = lesions.Where(l => l.Baseline is not null).MaxBy(l => Value(l.Baseline!))!;
        double baseValue = Value(hottestBefore.Baseline!);
        (TrackedLesion Lesion, LesionObservation Observation)? hottestAfter = after.Length == 0 ? null : after.MaxBy(a => Value(a.Observation));
        double? followValue = hottestAfter is { } h ? Value(h.Observation) : null;
        double? baseLiver = sul ? baseLiverSul : baseline.Result.Liver?.Liver?.SuvMean;
        double? followLiver = sul ? followLiverSul : followUp.Result.Liver?.Liver?.SuvMean;
        bool newLesions = lesions.Any(l => l.Status == LesionStatus.New);
        if (followLiver is null)
        {
            percistNotes.Add("no follow-up liver reference: CMR only when no lesion is left");
        }

        TimeSpan? baseUptake = baseline.UptakeTime, followUptake = followUp.UptakeTime;
        return new PercistResult
        {
            Category = PercistRule.Classify(baseValue, followValue, followLiver, newLesions, options),
            Metric = sul ? "SULpeak" : "SUVpeak",
            BaselineHottestLesion = hottestBefore.TrackingIdentifier,
            BaselineHottest = baseValue,
            FollowUpHottestLesion = hottestAfter?.Lesion.TrackingIdentifier,
            FollowUpHottest = followValue,
            AbsoluteChange = followValue - baseValue,
            RelativeChange = (followValue - baseValue) / baseValue,
            NewLesions = newLesions,
            BaselineLiverMean = baseLiver,
            FollowUpLiverMean = followLiver,
            LiverComparable = baseLiver is { } bl && followLiver is { } fl ? PercistRule.LiverComparable(bl, fl, options) : null,
            BaselineUptake = baseUptake,
            FollowUpUptake = followUptake,
            UptakeComparable = baseUptake is { } bu && followUptake is { } fu ? PercistRule.UptakeComparable(bu, fu, options) : null,
            Notes = percistNotes,
        };
    }

    private static ZephirResult? Zephir(Her2PatientResult? her2, PercistResult? percist, List<TrackedLesion> lesions, AssessmentOptions options, List<string> notes)
    {
        bool? response = options.ResponseBasis switch
        {
            ResponseBasis.EortcAllLesions => lesions.Any(l => l.Baseline is not null) && lesions.Where(l => l.Baseline is not null).All(l => l.Eortc is not null)
                ? lesions.Where(l => l.Baseline is not null).All(l => EortcRule.IsResponse(l.Eortc!.Category)) && lesions.All(l => l.Status != LesionStatus.New)
                : null,
            _ => percist is null ? null : EortcRule.IsResponse(percist.Category),
        };
        if (her2 is null || response is null)
        {
            notes.Add("ZEPHIR group: needs the HER2-PET pattern and the early metabolic response");
            return null;
        }

        ZephirGroup group = ZephirRule.Group(her2.Positive, response.Value);
        return new ZephirResult(group, her2.Positive, response.Value, options.ResponseBasis,
            ZephirRule.PredictsTreatmentFailure(group) ? ZephirRule.TreatmentFailureStatement : null);
    }
}
