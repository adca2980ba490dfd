namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Matches the lesions of two studies one-to-one. First, lesions carrying the same reader tracking identifier are
/// paired whatever their distance (the reader's word takes precedence). Then the rest by position: every baseline
/// position is mapped by the alignment (<see cref="RigidAlignment.Map"/>) into the follow-up frame, every pair within the tolerance is
/// listed, and pairs are taken greedily by increasing distance (ties: lower baseline, then lower follow-up index),
/// each lesion at most once. Greedy rather than Hungarian: with a tolerance well below the distance between lesions
/// the two agree, and the greedy rule is simple to state and to check by hand. Unpaired baseline lesions are
/// disappeared, unpaired follow-up lesions new. Results: matched pairs in baseline order, then disappeared, then new.
/// </summary>
public static class LesionMatcher
{
    public static IReadOnlyList<LesionMatch> Match(
        IReadOnlyList<LesionPosition> baseline, IReadOnlyList<LesionPosition> followUp, RigidAlignment alignment, double toleranceMm)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(alignment);
        Volume.PatientVector[] mapped = [.. baseline.Select(b => alignment.Map(b.PositionMm))];
        int?[] partner = new int?[baseline.Count];
        double?[] distance = new double?[baseline.Count];
        bool[] byReader = new bool[baseline.Count];
        bool[] taken = new bool[followUp.Count];
        double Distance(int b, int f) => (followUp[f].PositionMm - mapped[b]).Length;

        for (int b = 0; b < baseline.Count; b++)
        {
            if (baseline[b].ReaderIdentifier is not { } id)
            {
                continue;
            }

            for (int f = 0; f < followUp.Count; f++)
            {
                if (!taken[f] && string.Equals(followUp[f].ReaderIdentifier, id, StringComparison.Ordinal))
                {
                    (partner[b], distance[b], byReader[b], taken[f]) = (f, Distance(b, f), true, true);
                    break;
                }
            }
        }

        var pairs = new List<(double D, int B, int F)>();
        for (int b = 0; b < baseline.Count; b++)
        {
            for (int f = 0; f < followUp.Count; f++)
            {
                double d = Distance(b, f);
                if (partner[b] is null && !taken[f] && d <= toleranceMm)
                {
                    pairs.Add((d, b, f));
                }
            }
        }

        foreach ((double d, int b, int f) in pairs.OrderBy(p => p.D).ThenBy(p => p.B).ThenBy(p => p.F))
        {
            if (partner[b] is null && !taken[f])
            {
                (partner[b], distance[b], taken[f]) = (f, d, true);
            }
        }

        var result = new List<LesionMatch>();
        for (int b = 0; b < baseline.Count; b++)
        {
            if (partner[b] is { } f)
            {
                result.Add(new LesionMatch(b, f, distance[b], byReader[b]));
            }
        }

        result.AddRange(Enumerable.Range(0, baseline.Count).Where(b => partner[b] is null).Select(b => new LesionMatch(b, null, null, false)));
        result.AddRange(Enumerable.Range(0, followUp.Count).Where(f => !taken[f]).Select(f => new LesionMatch(null, f, null, false)));
        return result;
    }
}
