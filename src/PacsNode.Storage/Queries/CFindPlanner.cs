using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Index;

namespace PacsNode.Storage.Queries;

/// <summary>
/// Turns a C-FIND identifier into a <see cref="CFindPlan"/>, applying the hierarchical rules of PS3.4 C.4.1.2:
/// at a level below the top, the unique keys of every higher level must be present with a single value (Patient
/// Root: Patient ID; both: Study Instance UID at SERIES and IMAGE; Series Instance UID at IMAGE). Sequence keys the
/// index keeps (<see cref="SequenceKeys"/>) are matched by <see cref="SequenceMatcher"/>. Keys of higher
/// levels other than unique keys are matched too (the Study Root STUDY level includes patient attributes; for Patient
/// Root this is a relational-ish leniency). Keys of levels below the query level and keys the index does not hold
/// are not matched and come back empty, rather than failing the query.
/// </summary>
internal static class CFindPlanner
{
    public static QueryLevel ParseLevel(DicomDataset identifier, QueryInformationModel model)
    {
        string? text = identifier.GetString(DicomTag.QueryRetrieveLevel);
        QueryLevel? level = text switch
        {
            "PATIENT" when model == QueryInformationModel.PatientRoot => QueryLevel.Patient,
            "STUDY" => QueryLevel.Study,
            "SERIES" => QueryLevel.Series,
            "IMAGE" => QueryLevel.Image,
            _ => null,
        };
        return level ?? throw new QueryException(QueryError.InvalidLevel, DicomTag.QueryRetrieveLevel,
            $"Query/Retrieve Level '{text}' is not valid for the {model} model.");
    }

    public static CFindPlan Plan(DicomDataset identifier, QueryInformationModel model, QueryOptions options)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        QueryLevel level = ParseLevel(identifier, model);
        RequireUniqueKeys(identifier, model, level);

        var filter = new SqlFilter();
        string studyDate = identifier.GetString(DicomTag.StudyDate) ?? string.Empty;
        string studyTime = identifier.GetString(DicomTag.StudyTime) ?? string.Empty;
        bool combined = options.CombineDateTimeMatching && studyDate.Length > 0 && studyTime.Length > 0;
        if (combined)
        {
            KeyMatcher.AddCombinedStudyDateTime(filter, studyDate, studyTime);
        }

        var selects = new List<string>();
        var keys = new List<(DicomItem Key, int Ordinal)>();
        foreach (DicomItem item in identifier)
        {
            if (IsControlElement(item.Tag))
            {
                continue;
            }

            if (item is DicomElement && QueryAttributes.TryGet(item.Tag, out QueryAttribute attribute) && attribute.Level <= level)
            {
                if (!(combined && (item.Tag == DicomTag.StudyDate || item.Tag == DicomTag.StudyTime)))
                {
                    KeyMatcher.Add(filter, attribute, identifier.GetStrings(item.Tag), identifier.GetString(item.Tag) ?? string.Empty,
                        options.CaseInsensitivePersonNames);
                }

                keys.Add((item, selects.Count));
                selects.Add(attribute.Select);
            }
            else if (item is DicomSequence sequence && SequenceKeys.TryGetLevel(item.Tag, out QueryLevel owner) && owner <= level)
            {
                string ownerColumn = QueryAttributes.PrimaryKey(owner);
                SequenceMatcher.Add(filter, sequence, owner, ownerColumn, options.CaseInsensitivePersonNames);
                keys.Add((item, selects.Count));
                selects.Add(ownerColumn);
            }
            else
            {
                keys.Add((item, -1));
            }
        }

        string columns = selects.Count == 0 ? "1" : string.Join(", ", selects);
        string sql = $"SELECT {columns} FROM {QueryAttributes.From(level)}{filter.WhereClause} " +
            $"ORDER BY {QueryAttributes.OrderBy(level)}";
        if (options.MaxResults > 0)
        {
            sql += " LIMIT " + options.MaxResults.ToString(CultureInfo.InvariantCulture);
        }

        return new CFindPlan(level, sql, filter, keys);
    }

    /// <summary>(0008,0005), (0008,0052) and command or meta groups are not keys.</summary>
    internal static bool IsControlElement(DicomTag tag) =>
        tag.Group is 0x0000 or 0x0002 || tag == DicomTag.SpecificCharacterSet || tag == DicomTag.QueryRetrieveLevel;

    private static void RequireUniqueKeys(DicomDataset identifier, QueryInformationModel model, QueryLevel level)
    {
        if (model == QueryInformationModel.PatientRoot && level > QueryLevel.Patient)
        {
            RequireSingle(identifier, DicomTag.PatientID);
        }

        if (level > QueryLevel.Study)
        {
            RequireSingle(identifier, DicomTag.StudyInstanceUID);
        }

        if (level > QueryLevel.Series)
        {
            RequireSingle(identifier, DicomTag.SeriesInstanceUID);
        }
    }

    private static void RequireSingle(DicomDataset identifier, DicomTag tag)
    {
        string? value = identifier.GetString(tag);
        if (string.IsNullOrEmpty(value) || value.Contains('\\', StringComparison.Ordinal) || KeyMatcher.HasWildcard(value))
        {
            throw new QueryException(QueryError.MissingUniqueKey, tag,
                $"{DicomDictionary.Lookup(tag)?.Keyword} must be given as a single value at this level (PS3.4 C.4.1.2).");
        }
    }
}
