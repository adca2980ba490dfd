using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Storage.Queries;

/// <summary>
/// Sequence matching (PS3.4 C.2.2.2.6) as SQL over the sequence_item/sequence_value tables: a sequence key of one item
/// matches an entity when at least one stored item of that sequence matches every key in the item; a key inside the
/// item is matched like a top-level key of its VR (single value, wildcard, list of UIDs, PN per component group, DA
/// range; TM and DT single value or wildcard only, as stored text), and a sequence inside the item recursively. A key
/// of zero items, an empty item, or an item whose keys are all zero-length is universal matching.
/// </summary>
internal static class SequenceMatcher
{
    public static void Add(SqlFilter filter, DicomSequence key, QueryLevel ownerLevel, string ownerColumn, bool caseInsensitivePersonNames)
    {
        if (key.Items.Count == 0)
        {
            return;
        }

        string alias = filter.Alias("sq");
        string? condition = ItemCondition(filter, key.Items[0], alias, caseInsensitivePersonNames);
        if (condition is null)
        {
            return;
        }

        filter.Where($"EXISTS (SELECT 1 FROM sequence_item {alias} WHERE {alias}.owner_level = {(int)ownerLevel} AND " +
            $"{alias}.owner_pk = {ownerColumn} AND {alias}.sequence_tag = {Tag(key.Tag)} AND {alias}.parent_pk IS NULL AND {condition})");
    }

    private static string? ItemCondition(SqlFilter filter, DicomDataset item, string alias, bool caseInsensitive)
    {
        var conditions = new List<string>();
        foreach (DicomItem element in item)
        {
            if (element is DicomSequence nested)
            {
                if (nested.Items.Count == 0)
                {
                    continue;
                }

                string child = filter.Alias("sq");
                string? inner = ItemCondition(filter, nested.Items[0], child, caseInsensitive);
                if (inner is not null)
                {
                    conditions.Add($"EXISTS (SELECT 1 FROM sequence_item {child} WHERE {child}.parent_pk = {alias}.pk AND " +
                        $"{child}.sequence_tag = {Tag(nested.Tag)} AND {inner})");
                }
            }
            else if (element is DicomElement && !IsUniversal(item, element))
            {
                string value = filter.Alias("sv");
                string match = ValueCondition(filter, item, element, $"{value}.value", caseInsensitive);
                conditions.Add($"EXISTS (SELECT 1 FROM sequence_value {value} WHERE {value}.item_pk = {alias}.pk AND " +
                    $"{value}.tag = {Tag(element.Tag)} AND {match})");
            }
        }

        return conditions.Count == 0 ? null : string.Join(" AND ", conditions);
    }

    private static bool IsUniversal(DicomDataset item, DicomItem element)
    {
        string text = item.GetString(element.Tag) ?? string.Empty;
        return text.Length == 0 || (element.VR != DicomVR.UI && element.VR.IsString() && text.AsSpan().Trim('*').IsEmpty)
            || !element.VR.IsString();
    }

    private static string ValueCondition(SqlFilter filter, DicomDataset item, DicomItem element, string column, bool caseInsensitive)
    {
        string text = item.GetString(element.Tag)!;
        switch (element.VR)
        {
            case DicomVR.UI:
                return KeyMatcher.UidCondition(filter, column, item.GetStrings(element.Tag));
            case DicomVR.PN:
                return $"{PersonNameMatcher.SqlFunction}({column}, {filter.Parameter(text)}, {(caseInsensitive ? 1 : 0)})";
            case DicomVR.DA when text.Contains('-', StringComparison.Ordinal):
                if (!DicomDateRange.TryParse(text, out DicomDateRange range))
                {
                    throw new QueryException(QueryError.InvalidKeyValue, element.Tag,
                        string.Create(CultureInfo.InvariantCulture, $"{element.Tag} '{text}' in a sequence key is not a date range."));
                }

                string lower = range.Lower is { } l ? $"{column} >= {filter.Parameter(l.ToString())}" : "1";
                string upper = range.Upper is { } u ? $"{column} <= {filter.Parameter(u.ToString())}" : "1";
                return $"({lower} AND {upper})";
            default:
                return KeyMatcher.HasWildcard(text)
                    ? $"{column} GLOB {filter.Parameter(KeyMatcher.ToGlob(text))}"
                    : $"{column} = {filter.Parameter(text)}";
        }
    }

    private static string Tag(DicomTag tag) => tag.Value.ToString(CultureInfo.InvariantCulture);
}
