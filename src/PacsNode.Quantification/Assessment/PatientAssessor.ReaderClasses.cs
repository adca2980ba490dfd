using System.Globalization;

namespace PacsNode.Quantification.Assessment;

/// <summary>Readers' HER2-PET classes replacing the node's proposed ones (DOMAIN.md section 5).</summary>
public sealed partial class PatientAssessor
{
    /// <summary>
    /// Gives each lesion measured on the HER2-PET the reader's class that names it (by Tracking UID first, else by
    /// Tracking Identifier, ordinal; of several, the latest Content Date/Time, then the highest SR UID), and its ZEPHIR
    /// group from the class now used. Reader classes that name no such lesion become notes.
    /// </summary>
    private static List<TrackedLesion> ApplyReaderClasses(List<TrackedLesion> lesions, IReadOnlyList<ReaderHer2Class> readerClasses, List<string> notes)
    {
        if (readerClasses.Count == 0)
        {
            return lesions;
        }

        // Each reader class names one lesion: the one with its Tracking UID, else the one with its Tracking Identifier.
        var byLesion = new Dictionary<string, List<ReaderHer2Class>>(StringComparer.Ordinal);
        foreach (ReaderHer2Class r in readerClasses)
        {
            TrackedLesion? named = lesions.FirstOrDefault(l => r.TrackingUid is { Length: > 0 } uid && string.Equals(uid, l.TrackingUid, StringComparison.Ordinal))
                ?? lesions.FirstOrDefault(l => r.TrackingIdentifier is { Length: > 0 } id && string.Equals(id, l.TrackingIdentifier, StringComparison.Ordinal));
            if (named is null)
            {
                notes.Add($"reader HER2-PET class {AssessmentCodes.Her2Class(r.Class)} in SR {r.SourceSopInstanceUid} names no lesion of the patient (tracking UID {r.TrackingUid ?? "none"}, identifier {r.TrackingIdentifier ?? "none"}); not used");
                continue;
            }

            if (!byLesion.TryGetValue(named.TrackingUid, out List<ReaderHer2Class>? list))
            {
                byLesion[named.TrackingUid] = list = [];
            }

            list.Add(r);
        }

        var result = new List<TrackedLesion>(lesions.Count);
        foreach (TrackedLesion lesion in lesions)
        {
            if (!byLesion.TryGetValue(lesion.TrackingUid, out List<ReaderHer2Class>? candidates))
            {
                result.Add(lesion);
                continue;
            }

            if (lesion.Her2 is not { } her2)
            {
                notes.Add($"reader HER2-PET class for {lesion.TrackingIdentifier} (SR {candidates[0].SourceSopInstanceUid}) not used: the lesion was not assessed on a HER2-PET study");
                result.Add(lesion);
                continue;
            }

            ReaderHer2Class chosen = candidates
                .OrderBy(r => r.ContentDateTime ?? DateTimeOffset.MinValue)
                .ThenBy(r => r.SourceSopInstanceUid, StringComparer.Ordinal)
                .Last();
            var lesionNotes = new List<string>(lesion.Notes);
            if (candidates.Select(r => r.SourceSopInstanceUid).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                lesionNotes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{candidates.Count} reader HER2-PET classes ({string.Join(", ", candidates.Select(r => AssessmentCodes.Her2Class(r.Class) + " in SR " + r.SourceSopInstanceUid))}); the latest by content date-time is used"));
            }

            Her2LesionResult read = her2 with { ReaderClass = chosen.Class, ReaderObserver = chosen.Observer, ReaderSourceUid = chosen.SourceSopInstanceUid };
            ZephirGroup? group = lesion.Eortc is { } eortc ? ZephirRule.Group(read.Positive!.Value, EortcRule.IsResponse(eortc.Category)) : null;
            result.Add(lesion with { Her2 = read, Group = group, Notes = lesionNotes });
        }

        return result;
    }
}
