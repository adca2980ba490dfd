using System.Globalization;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Assigns the ZEPHIR visits from the tracers and study dates of one patient's studies (DOMAIN.md section 1):
/// <list type="bullet">
/// <item>HER2-PET: the earliest 89Zr-trastuzumab study (later ones are noted and not used).</item>
/// <item>Baseline FDG: with a dated HER2-PET, the latest FDG study no later than
/// <see cref="AssessmentOptions.BaselineMaximumDaysAfterHer2"/> days after it (both precede treatment, in either order);
/// otherwise (or when none qualifies) the earliest FDG study.</item>
/// <item>Follow-up FDG: the earliest FDG study at least <see cref="AssessmentOptions.FollowUpMinimumDays"/> days after the
/// baseline and after the HER2-PET.</item>
/// </list>
/// <see cref="AssessmentOptions.BaselineStudyUid"/> and <see cref="AssessmentOptions.FollowUpStudyUid"/> override the
/// rule. Undated studies cannot be placed and are reported. The input order does not matter.
/// </summary>
public static class VisitAssigner
{
    public static VisitAssignment Assign(IReadOnlyList<StudyQuantification> studies, AssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>();
        var missing = new List<string>();
        StudyQuantification[] ordered = [.. studies.OrderBy(s => s.StudyDateTime ?? DateTime.MaxValue).ThenBy(s => s.StudyInstanceUid, StringComparer.Ordinal)];
        foreach (StudyQuantification undated in ordered.Where(s => s.StudyDateTime is null))
        {
            notes.Add($"study {undated.StudyInstanceUid} has no date and is not placed by the visit rule");
        }

        StudyQuantification[] fdg = [.. ordered.Where(s => s.Tracer.Tracer == PetTracer.Fdg && s.StudyDateTime is not null)];
        StudyQuantification[] zr = [.. ordered.Where(s => s.Tracer.Tracer == PetTracer.Zr89Trastuzumab)];
        StudyQuantification? her2 = zr.FirstOrDefault();
        foreach (StudyQuantification extra in zr.Skip(1))
        {
            notes.Add($"89Zr-trastuzumab study {extra.StudyInstanceUid} not used: the earliest HER2-PET is");
        }

        StudyQuantification? baseline = Pick(ordered, options.BaselineStudyUid, "baseline", notes) ?? DefaultBaseline(fdg, her2, options);
        StudyQuantification? followUp = Pick(ordered, options.FollowUpStudyUid, "follow-up", notes) ?? DefaultFollowUp(fdg, baseline, her2, options);

        if (baseline is null)
        {
            missing.Add("baseline FDG: no dated 18F-FDG PET study of the patient");
        }

        if (her2 is null)
        {
            missing.Add("HER2-PET: no 89Zr-trastuzumab PET study of the patient");
        }

        if (followUp is null)
        {
            missing.Add(string.Create(CultureInfo.InvariantCulture,
                $"follow-up FDG after one cycle: no 18F-FDG PET study at least {options.FollowUpMinimumDays} days after the baseline{(her2?.StudyDateTime is null ? string.Empty : " and after the HER2-PET")}"));
        }

        var roles = studies.Select(s => (s, ReferenceEquals(s, baseline) ? VisitRole.Baseline
            : ReferenceEquals(s, her2) ? VisitRole.Her2Pet
            : ReferenceEquals(s, followUp) ? VisitRole.FollowUp
            : VisitRole.Unassigned)).ToList();
        foreach ((StudyQuantification s, VisitRole role) in roles.Where(r => r.Item2 == VisitRole.Unassigned))
        {
            notes.Add($"study {s.StudyInstanceUid} ({s.Tracer.Tracer}) is not used by the assessment");
        }

        string rule = string.Create(CultureInfo.InvariantCulture,
            $"HER2-PET = earliest 89Zr-trastuzumab study; baseline = latest FDG study no later than {options.BaselineMaximumDaysAfterHer2} days after the HER2-PET (else the earliest FDG study); follow-up = earliest FDG study at least {options.FollowUpMinimumDays} days after the baseline and after the HER2-PET")
            + (options.BaselineStudyUid is null && options.FollowUpStudyUid is null ? string.Empty : "; overridden by the configured study UIDs");
        return new VisitAssignment
        {
            Baseline = baseline,
            Her2Pet = her2,
            FollowUp = followUp,
            Studies = roles,
            Rule = rule,
            Missing = missing,
            Notes = notes,
        };
    }

    private static StudyQuantification? Pick(StudyQuantification[] ordered, string? uid, string role, List<string> notes)
    {
        if (uid is null)
        {
            return null;
        }

        StudyQuantification? found = ordered.FirstOrDefault(s => string.Equals(s.StudyInstanceUid, uid, StringComparison.Ordinal));
        notes.Add(found is null ? $"configured {role} study {uid} is not among the studies; the rule decides"
            : $"{role} study {uid} set by configuration");
        if (found is not null && found.Tracer.Tracer != PetTracer.Fdg)
        {
            notes.Add($"configured {role} study {uid} is not recognised as FDG ({found.Tracer.Evidence})");
        }

        return found;
    }

    private static StudyQuantification? DefaultBaseline(StudyQuantification[] fdg, StudyQuantification? her2, AssessmentOptions options)
    {
        if (her2?.StudyDateTime is { } her2Date)
        {
            DateTime limit = her2Date.AddDays(options.BaselineMaximumDaysAfterHer2);
            StudyQuantification? before = fdg.LastOrDefault(s => s.StudyDateTime <= limit);
            if (before is not null)
            {
                return before;
            }
        }

        return fdg.FirstOrDefault();
    }

    private static StudyQuantification? DefaultFollowUp(StudyQuantification[] fdg, StudyQuantification? baseline, StudyQuantification? her2, AssessmentOptions options)
    {
        if (baseline?.StudyDateTime is not { } start)
        {
            return null;
        }

        DateTime earliest = start.AddDays(options.FollowUpMinimumDays);
        return fdg.FirstOrDefault(s => !ReferenceEquals(s, baseline) && s.StudyDateTime >= earliest
            && (her2?.StudyDateTime is not { } h || s.StudyDateTime > h));
    }
}
