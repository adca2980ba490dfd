using System.Globalization;
using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Storage.Index;

namespace PacsNode.Storage.Queries;

/// <summary>
/// Answers C-FIND identifiers and retrieve requests from the index. Each call opens its own short-lived connection
/// and runs on the thread pool (SQLite is synchronous), never on the caller's loop. Matching rules: see
/// <see cref="KeyMatcher"/>; hierarchy rules: see <see cref="CFindPlanner"/>.
/// </summary>
public sealed class QueryService
{
    private const string RetrieveSql = "SELECT i.sop_class_uid, i.sop_instance_uid, i.transfer_syntax_uid, i.file_path FROM " +
        "instance i JOIN series se ON se.pk = i.series_pk JOIN study st ON st.pk = se.study_pk JOIN patient p ON p.pk = st.patient_pk";

    private readonly IndexDatabase _database;
    private readonly QueryOptions _options;

    public QueryService(IndexDatabase database, QueryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _options = options ?? new QueryOptions();
    }

    /// <summary>
    /// The matches of a C-FIND identifier, each a dataset with the requested keys (values from the index; keys the
    /// index does not hold returned empty), Query/Retrieve Level, and Retrieve AE Title when configured. Throws
    /// <see cref="QueryException"/> for an identifier that cannot be processed.
    /// </summary>
    public async Task<IReadOnlyList<DicomDataset>> FindAsync(
        DicomDataset identifier, QueryInformationModel model, CancellationToken cancellationToken)
    {
        CFindPlan plan = CFindPlanner.Plan(identifier, model, _options);
        return await Task.Run(() => Execute(plan, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The stored instances a C-MOVE or C-GET identifier names: the unique key of its Query/Retrieve Level must be
    /// present (Patient ID at PATIENT, else the UID of the level, which may be a list); every UID key given above it
    /// narrows the result. Works for Patient Root, Study Root and (IMAGE level) Composite Instance Root.
    /// </summary>
    public async Task<IReadOnlyList<RetrieveInstance>> FindInstancesForRetrieveAsync(DicomDataset identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        QueryLevel level = CFindPlanner.ParseLevel(identifier, QueryInformationModel.PatientRoot);
        DicomTag unique = level switch
        {
            QueryLevel.Patient => DicomTag.PatientID,
            QueryLevel.Study => DicomTag.StudyInstanceUID,
            QueryLevel.Series => DicomTag.SeriesInstanceUID,
            _ => DicomTag.SOPInstanceUID,
        };
        if (identifier.GetStrings(unique).Count == 0)
        {
            throw new QueryException(QueryError.MissingUniqueKey, unique,
                $"{DicomDictionary.Lookup(unique)?.Keyword} is required to retrieve at this level.");
        }

        var filter = new SqlFilter();
        AddRetrieveKey(filter, identifier, DicomTag.PatientID, "p.patient_id");
        AddRetrieveKey(filter, identifier, DicomTag.StudyInstanceUID, "st.study_uid");
        AddRetrieveKey(filter, identifier, DicomTag.SeriesInstanceUID, "se.series_uid");
        AddRetrieveKey(filter, identifier, DicomTag.SOPInstanceUID, "i.sop_instance_uid");
        string sql = RetrieveSql + filter.WhereClause + " ORDER BY st.pk, se.pk, i.instance_number, i.pk";
        return await Task.Run(() => ExecuteRetrieve(sql, filter, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static void AddRetrieveKey(SqlFilter filter, DicomDataset identifier, DicomTag tag, string column)
    {
        IReadOnlyList<string> values = identifier.GetStrings(tag);
        if (values.Count > 0)
        {
            filter.Where(KeyMatcher.UidCondition(filter, column, values));
        }
    }

    private List<RetrieveInstance> ExecuteRetrieve(string sql, SqlFilter filter, CancellationToken cancellationToken)
    {
        using SqliteConnection connection = _database.OpenConnection();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        filter.Bind(command);
        using SqliteDataReader reader = command.ExecuteReader();
        var instances = new List<RetrieveInstance>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            instances.Add(new RetrieveInstance(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return instances;
    }

    private List<DicomDataset> Execute(CFindPlan plan, CancellationToken cancellationToken)
    {
        using SqliteConnection connection = _database.OpenConnection();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = plan.CommandText;
        plan.Filter.Bind(command);
        using SqliteDataReader reader = command.ExecuteReader();
        var results = new List<DicomDataset>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(BuildAnswer(plan, reader, connection));
        }

        return results;
    }

    private DicomDataset BuildAnswer(CFindPlan plan, SqliteDataReader reader, SqliteConnection connection)
    {
        var values = new List<(DicomTag Tag, DicomVR VR, string Value)>(plan.Keys.Count);
        var sequences = new List<(DicomSequence Key, SequenceAnswers Answers)>();
        var answer = new DicomDataset();
        foreach ((DicomItem key, int ordinal) in plan.Keys)
        {
            if (ordinal >= 0 && key is DicomSequence sequenceKey && SequenceKeys.TryGetLevel(key.Tag, out QueryLevel owner))
            {
                sequences.Add((sequenceKey, SequenceAnswers.Load(connection, owner, reader.GetInt64(ordinal), sequenceKey)));
            }
            else if (ordinal >= 0 && QueryAttributes.TryGet(key.Tag, out QueryAttribute attribute))
            {
                string value = reader.IsDBNull(ordinal)
                    ? string.Empty
                    : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture) ?? string.Empty;
                values.Add((key.Tag, attribute.VR, value));
            }
            else if (key is DicomSequence)
            {
                answer.AddOrUpdate(new DicomSequence(key.Tag));
            }
            else
            {
                answer.AddOrUpdate(new DicomElement(key.Tag, key.VR, DicomBuffer.Empty));
            }
        }

        // Values are decoded text; where any is outside ASCII the answer says UTF-8 before the values are encoded.
        if (values.Exists(v => !System.Text.Ascii.IsValid(v.Value)) || sequences.Exists(s => s.Answers.NeedsUnicode))
        {
            answer.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        }

        foreach ((DicomTag tag, DicomVR vr, string value) in values)
        {
            answer.SetString(tag, vr, value);
        }

        foreach ((DicomSequence key, SequenceAnswers answers) in sequences)
        {
            answer.AddOrUpdate(answers.Build(answer, key));
        }

        answer.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, plan.Level switch
        {
            QueryLevel.Patient => "PATIENT",
            QueryLevel.Study => "STUDY",
            QueryLevel.Series => "SERIES",
            _ => "IMAGE",
        });
        if (!string.IsNullOrEmpty(_options.RetrieveAETitle))
        {
            answer.SetString(DicomTag.RetrieveAETitle, DicomVR.AE, _options.RetrieveAETitle);
        }

        return answer;
    }
}
