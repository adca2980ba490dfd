using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Index;
using PacsNode.Storage.Queries;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Storage.Tests.Queries;

/// <summary>
/// EXPLAIN QUERY PLAN of the selective study-level queries of the find benchmark (docs/BENCHMARKS.md): each must
/// seek an index rather than scan, so that latency stays flat as the index grows.
/// </summary>
public sealed class QueryPlanTests : IDisposable
{
    private readonly TempDirectory _temp = new("plan");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Theory]
    [InlineData("PatientID", "P000123", "SEARCH p USING INDEX sqlite_autoindex_patient_1 (patient_id=?)", false)]
    [InlineData("StudyDate", "20230101-20230131", "SEARCH st USING INDEX ix_study_date (study_date_key>? AND study_date_key<?)", false)]
    [InlineData("AccessionNumber", "A0000123", "SEARCH st USING INDEX ix_study_accession (accession_number=?)", false)]
    [InlineData("StudyInstanceUID", "1.2.3", "SEARCH st USING INDEX sqlite_autoindex_study_1 (study_uid=?)", false)]
    [InlineData("PatientName", "Smi*", "SEARCH p USING INDEX ix_patient_name_text (patient_name>? AND patient_name<?)", false)]
    [InlineData("PatientName", "Smith^Jane", "SEARCH p USING INDEX ix_patient_name_text (patient_name>? AND patient_name<?)", false)]
    [InlineData("ModalitiesInStudy", "PT", "USING COVERING INDEX ix_series_study_modality (study_pk=? AND modality=?)", true)]
    public void Plan_SelectiveStudyKey_SeeksAnIndex(string keyword, string value, string expected, bool visitsEveryStudy)
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "STUDY");
        var entry = DicomDictionary.LookupKeyword(keyword)!;
        identifier.SetString(entry.Tag, entry.VR, value);
        foreach (string returned in new[] { "StudyInstanceUID", "PatientName", "PatientID", "NumberOfStudyRelatedInstances", "ModalitiesInStudy" })
        {
            if (returned != keyword)
            {
                var key = DicomDictionary.LookupKeyword(returned)!;
                identifier.SetString(key.Tag, key.VR, string.Empty);
            }
        }

        List<string> plan = Explain(CFindPlanner.Plan(identifier, QueryInformationModel.StudyRoot, new QueryOptions()));

        // Modalities in Study is not selective (most studies of a PET/CT node have PT): every study is visited, and
        // each costs one seek of the (study, modality) index instead of a walk over every series of that modality.
        Assert.Contains(plan, step => step.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(visitsEveryStudy, plan.Exists(step => step.StartsWith("SCAN st", StringComparison.Ordinal)));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN p", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_SequenceKey_SeeksTheOwnersItems()
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "STUDY");
        identifier.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, "1.2.3");
        var item = new DicomDataset();
        item.SetString(DicomTag.CodeValue, DicomVR.SH, "PET001");
        identifier.AddOrUpdate(new DicomSequence(DicomTag.ProcedureCodeSequence, [item]));

        List<string> plan = Explain(CFindPlanner.Plan(identifier, QueryInformationModel.StudyRoot, new QueryOptions()));

        Assert.Contains(plan, step => step.Contains("USING INDEX ix_sequence_item_owner (owner_level=? AND owner_pk=? AND sequence_tag=?)",
            StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH sv", StringComparison.Ordinal)
            && step.Contains("PRIMARY KEY (item_pk=? AND tag=?)", StringComparison.Ordinal));
    }

    private List<string> Explain(CFindPlan plan)
    {
        var database = IndexDatabase.Open(_temp.Combine("index.db"));
        using SqliteConnection connection = database.OpenConnection();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + plan.CommandText;
        plan.Filter.Bind(command);
        using SqliteDataReader reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
