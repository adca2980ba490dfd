using PacsNode.Dicom.Data.Values;

namespace PacsNode.Storage.Queries;

/// <summary>
/// PN matching (PS3.4 C.2.2.2.1 and C.2.2.2.4), evaluated per stored value by the SQL function <c>pn_match</c>:
/// <list type="bullet">
/// <item>the value is compared per component group (alphabetic '=' ideographic '=' phonetic, PS3.5 6.2.1). A key
/// with one group (no '=') matches when it matches any one of the stored groups, so an alphabetic or an
/// ideographic key each find a name stored with both; a key with '=' matches when each of its non-empty groups
/// matches the stored group in the same position (an empty key group is universal for that group);</item>
/// <item>a group without '*' or '?' is single value matching on the canonical form (trailing empty components
/// ignored: "Doe^John^^" equals "Doe^John"); with them, wildcard matching of the group text, '*' any run of
/// characters (also none), '?' exactly one character;</item>
/// <item>case-sensitive, as the standard's literal matching, unless <see cref="QueryOptions.CaseInsensitivePersonNames"/>
/// (which the standard allows for PN only) folds both sides with the invariant upper case.</item>
/// </list>
/// </summary>
internal static class PersonNameMatcher
{
    /// <summary>The name of the SQLite function registered on every index connection.</summary>
    public const string SqlFunction = "pn_match";

    public static bool Matches(string? stored, string key, bool caseInsensitive)
    {
        if (stored is null)
        {
            return false;
        }

        if (caseInsensitive)
        {
            stored = stored.ToUpperInvariant();
            key = key.ToUpperInvariant();
        }

        string[] storedGroups = stored.Split('=');
        string[] keyGroups = key.Split('=');
        if (keyGroups.Length == 1)
        {
            return Array.Exists(storedGroups, group => GroupMatches(group, key));
        }

        for (int i = 0; i < keyGroups.Length; i++)
        {
            if (keyGroups[i].Length == 0 || keyGroups[i].AsSpan().Trim('*').IsEmpty)
            {
                continue;
            }

            if (i >= storedGroups.Length || !GroupMatches(storedGroups[i], keyGroups[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What every stored name of one component group that matches the key starts with, for an index pre-filter: the
    /// key's characters before its first wildcard (the canonical form when it has none), upper-cased when matching is
    /// case-insensitive. Null when the key has component groups or starts with a wildcard (no usable start).
    /// </summary>
    public static string? LiteralStart(string key, bool caseInsensitive)
    {
        if (key.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        int wildcard = key.AsSpan().IndexOfAny('*', '?');
        string start = wildcard < 0 ? Canonical(key) : key[..wildcard];
        if (start.Length == 0)
        {
            return null;
        }

        return caseInsensitive ? start.ToUpperInvariant() : start;
    }

    private static bool GroupMatches(string stored, string key) => KeyMatcher.HasWildcard(key)
        ? Wildcard(stored, key)
        : string.Equals(Canonical(stored), Canonical(key), StringComparison.Ordinal);

    private static string Canonical(string group) =>
        DicomPersonNameComponentGroup.TryParse(group, out DicomPersonNameComponentGroup parsed) ? parsed.ToString() : group;

    /// <summary>Iterative '*'/'?' matching with backtracking to the last '*' (linear in practice, no recursion).</summary>
    internal static bool Wildcard(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        int t = 0;
        int p = 0;
        int starPattern = -1;
        int starText = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starPattern = p++;
                starText = t;
            }
            else if (starPattern >= 0)
            {
                p = starPattern + 1;
                t = ++starText;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
