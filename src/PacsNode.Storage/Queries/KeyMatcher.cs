using System.Text;
using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Index;

namespace PacsNode.Storage.Queries;

/// <summary>
/// Translates one key's match value into SQL per PS3.4 C.2.2.2:
/// <list type="bullet">
/// <item>empty value: universal matching, no condition (a value of only '*' is the same);</item>
/// <item>'*' or '?' in a text or PN value: wildcard matching with SQLite GLOB, which is case-sensitive and whose only
/// specials besides * and ? are '[' and ']', escaped here as "[[]" and "[]]";</item>
/// <item>PN: per component group, case-sensitive unless <see cref="QueryOptions.CaseInsensitivePersonNames"/>, see
/// <see cref="PersonNameMatcher"/> (the SQL function pn_match);</item>
/// <item>UI: single value, or a list of UIDs separated by backslashes (C.2.2.2.2), never wildcards;</item>
/// <item>DA, TM, DT: single value or range "A-B", "A-", "-B" (C.2.2.2.5) read with the core's range types;
/// a TM or DT end covers the whole period its precision names. Combined StudyDate+StudyTime range matching
/// (C.2.2.2.5.1) is done only when <see cref="QueryOptions.CombineDateTimeMatching"/> is set;</item>
/// <item>IS: single value on the integer column;</item>
/// <item>Modalities in Study: matches when any series of the study matches any of the values.</item>
/// </list>
/// Sequence matching (C.2.2.2.6) is done by <see cref="SequenceMatcher"/> for the sequences the index keeps; other
/// sequence keys are returned empty.
/// </summary>
internal static class KeyMatcher
{
    public static void Add(
        SqlFilter filter, QueryAttribute attribute, IReadOnlyList<string> values, string text, bool caseInsensitivePersonNames = false)
    {
        if (text.Length == 0 || attribute.Kind == MatchKind.ReturnOnly || IsAllAsterisks(text, attribute.Kind))
        {
            return;
        }

        switch (attribute.Kind)
        {
            case MatchKind.Text:
                filter.Where(TextCondition(filter, attribute.MatchColumn, text));
                break;
            case MatchKind.PersonName:
                if (attribute.Tag == DicomTag.PatientName && PersonNameMatcher.LiteralStart(text, caseInsensitivePersonNames) is { } start)
                {
                    string column = caseInsensitivePersonNames ? "p.patient_name_key" : "p.patient_name";
                    filter.Where($"({column} GLOB {filter.Parameter(ToGlob(start) + "*")} OR p.patient_name_groups = 1)");
                }

                filter.Where($"{PersonNameMatcher.SqlFunction}({attribute.Select}, {filter.Parameter(text)}, " +
                    $"{(caseInsensitivePersonNames ? 1 : 0)})");
                break;
            case MatchKind.Uid:
                filter.Where(UidCondition(filter, attribute.MatchColumn, values));
                break;
            case MatchKind.Date:
                AddDateRange(filter, attribute, text);
                break;
            case MatchKind.Time:
                AddTimeRange(filter, attribute, text);
                break;
            case MatchKind.DateTime:
                AddDateTimeRange(filter, attribute, text);
                break;
            case MatchKind.Integer:
                int number = IndexKeys.Integer(text) ?? throw Invalid(attribute, text, "an integer");
                filter.Where($"{attribute.MatchColumn} = {filter.Parameter(number)}");
                break;
            case MatchKind.Modalities:
                string any = string.Join(" OR ", values.Select(v => TextCondition(filter, "ms.modality", v)));
                filter.Where($"EXISTS (SELECT 1 FROM series ms WHERE ms.study_pk = st.pk AND ({any}))");
                break;
            default:
                throw new InvalidOperationException($"Unknown match kind {attribute.Kind}.");
        }
    }

    /// <summary>A list of UIDs as an equality or IN condition; also used by retrieve.</summary>
    public static string UidCondition(SqlFilter filter, string column, IReadOnlyList<string> uids) => uids.Count == 1
        ? $"{column} = {filter.Parameter(uids[0])}"
        : $"{column} IN ({string.Join(", ", uids.Select(u => filter.Parameter(u)))})";

    public static bool HasWildcard(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    private static string TextCondition(SqlFilter filter, string column, string value) => HasWildcard(value)
        ? $"{column} GLOB {filter.Parameter(ToGlob(value))}"
        : $"{column} = {filter.Parameter(value)}";

    /// <summary>A DICOM wildcard pattern as a GLOB pattern: * and ? kept, '[' and ']' made literal.</summary>
    internal static string ToGlob(string pattern)
    {
        var glob = new StringBuilder(pattern.Length + 8);
        foreach (char c in pattern)
        {
            _ = c switch
            {
                '[' => glob.Append("[[]"),
                ']' => glob.Append("[]]"),
                _ => glob.Append(c),
            };
        }

        return glob.ToString();
    }

    private static bool IsAllAsterisks(string text, MatchKind kind) =>
        kind is MatchKind.Text or MatchKind.PersonName or MatchKind.Modalities && text.AsSpan().Trim('*').IsEmpty;

    private static void AddDateRange(SqlFilter filter, QueryAttribute attribute, string text)
    {
        if (!DicomDateRange.TryParse(text, out DicomDateRange range))
        {
            throw Invalid(attribute, text, "a date or date range");
        }

        if (range.Lower is { } lower)
        {
            filter.Where($"{attribute.MatchColumn} >= {filter.Parameter(lower.ToString())}");
        }

        if (range.Upper is { } upper)
        {
            filter.Where($"{attribute.MatchColumn} <= {filter.Parameter(upper.ToString())}");
        }
    }

    private static void AddTimeRange(SqlFilter filter, QueryAttribute attribute, string text)
    {
        if (!DicomTimeRange.TryParse(text, out DicomTimeRange range))
        {
            throw Invalid(attribute, text, "a time or time range");
        }

        if (range.Lower is { } lower)
        {
            filter.Where($"{attribute.MatchColumn} >= {filter.Parameter(IndexKeys.Microseconds(lower.Start))}");
        }

        if (range.Upper is { } upper)
        {
            filter.Where($"{attribute.MatchColumn} < {filter.Parameter(IndexKeys.Microseconds(upper.End))}");
        }
    }

    private static void AddDateTimeRange(SqlFilter filter, QueryAttribute attribute, string text)
    {
        if (!DicomDateTimeRange.TryParse(text, out DicomDateTimeRange range))
        {
            throw Invalid(attribute, text, "a date-time or date-time range");
        }

        if (range.Lower is { } lower)
        {
            filter.Where($"{attribute.MatchColumn} >= {filter.Parameter(IndexKeys.Microseconds(lower.Start))}");
        }

        if (range.Upper is { } upper)
        {
            filter.Where($"{attribute.MatchColumn} < {filter.Parameter(IndexKeys.Microseconds(upper.End))}");
        }
    }

    /// <summary>
    /// StudyDate and StudyTime as one range on the combined key: lower = date-lower at time-lower (midnight when the
    /// time has no lower end), upper = date-upper at the end of time-upper (end of day when it has none).
    /// </summary>
    public static void AddCombinedStudyDateTime(SqlFilter filter, string date, string time)
    {
        if (!DicomDateRange.TryParse(date, out DicomDateRange dates))
        {
            throw new QueryException(QueryError.InvalidKeyValue, DicomTag.StudyDate, $"StudyDate '{date}' is not a date or date range.");
        }

        if (!DicomTimeRange.TryParse(time, out DicomTimeRange times))
        {
            throw new QueryException(QueryError.InvalidKeyValue, DicomTag.StudyTime, $"StudyTime '{time}' is not a time or time range.");
        }

        if (dates.Lower is { } lowerDate)
        {
            TimeSpan at = times.Lower is { } lowerTime ? lowerTime.Start : TimeSpan.Zero;
            long lower = IndexKeys.Microseconds(lowerDate.Date.ToDateTime(TimeOnly.MinValue) + at);
            filter.Where($"st.study_datetime_key >= {filter.Parameter(lower)}");
        }

        if (dates.Upper is { } upperDate)
        {
            TimeSpan at = times.Upper is { } upperTime ? upperTime.End : TimeSpan.FromDays(1);
            long upper = IndexKeys.Microseconds(upperDate.Date.ToDateTime(TimeOnly.MinValue) + at);
            filter.Where($"st.study_datetime_key < {filter.Parameter(upper)}");
        }
    }

    private static QueryException Invalid(QueryAttribute attribute, string text, string expected) => new(
        QueryError.InvalidKeyValue,
        attribute.Tag,
        $"{DicomDictionary.Lookup(attribute.Tag)?.Keyword ?? attribute.Tag.ToString()} '{text}' is not {expected}.");
}
