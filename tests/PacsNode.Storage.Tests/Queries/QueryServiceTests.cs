using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Queries;
using Xunit;

namespace PacsNode.Storage.Tests.Queries;

/// <summary>One test per PS3.4 C.2.2.2 matching rule and per hierarchy rule, against <see cref="QueryCorpus"/>.</summary>
public sealed class QueryServiceTests(QueryCorpus corpus) : IClassFixture<QueryCorpus>
{
    [Fact]
    public async Task Find_SingleValueMatching_ReturnsOnlyEqualValue()
    {
        var answers = await FindAsync(QueryInformationModel.PatientRoot, "PATIENT", ("PatientID", "P2"), ("PatientName", ""));

        Assert.Equal("Smith^Jane", Assert.Single(answers).GetString(DicomTag.PatientName));
    }

    [Fact]
    public async Task Find_UniversalMatching_ReturnsEveryRowWithStoredValues()
    {
        var answers = await FindAsync(QueryInformationModel.PatientRoot, "PATIENT",
            ("PatientID", ""), ("PatientName", ""), ("PatientBirthDate", ""), ("PatientSex", ""));

        Assert.Equal(["P1", "P2", "P3", "P4"], answers.Select(a => a.GetString(DicomTag.PatientID)));
        Assert.Equal(["19700101", "19851231", "19600505", "19550303"], answers.Select(a => a.GetString(DicomTag.PatientBirthDate)));
        Assert.All(answers, a => Assert.Equal("PATIENT", a.GetString(DicomTag.QueryRetrieveLevel)));
    }

    [Fact]
    public async Task Find_AsteriskInPersonName_IsCaseSensitiveByDefault()
    {
        var answers = await FindAsync(QueryInformationModel.PatientRoot, "PATIENT", ("PatientName", "Doe*"));

        Assert.Equal(["Doe^John"], answers.Select(a => a.GetString(DicomTag.PatientName)));
        Assert.Empty(await FindAsync(QueryInformationModel.PatientRoot, "PATIENT", ("PatientName", "DOE*")));
    }

    [Theory]
    [InlineData("Smith^Jane^^")]
    [InlineData("Smith^Jane")]
    [InlineData("Sm?th^J*")]
    public async Task Find_PersonNameTrailingEmptyComponentsOrWildcards_MatchesStoredName(string key)
    {
        var answers = await FindAsync(QueryInformationModel.PatientRoot, "PATIENT", ("PatientName", key), ("PatientID", ""));

        Assert.Equal("P2", Assert.Single(answers).GetString(DicomTag.PatientID));
    }

    [Fact]
    public async Task Find_AsteriskInPersonNameWithCaseInsensitiveOption_MatchesEveryCase()
    {
        var answers = await corpus.Harness.Queries(new QueryOptions { CaseInsensitivePersonNames = true }).FindAsync(
            Identifier("PATIENT", ("PatientName", "DOE*")), QueryInformationModel.PatientRoot, TestContext.Current.CancellationToken);

        Assert.Equal(["Doe^John", "doe^jim"], answers.Select(a => a.GetString(DicomTag.PatientName)));
    }

    [Fact]
    public async Task Find_QuestionMarkWildcard_MatchesOneCharacter()
    {
        var answers = await FindAsync(QueryInformationModel.StudyRoot, "STUDY", ("AccessionNumber", "ACC00?"), ("StudyInstanceUID", ""));

        Assert.Equal([QueryCorpus.S1, QueryCorpus.S2, QueryCorpus.S4], Uids(answers, DicomTag.StudyInstanceUID));
        Assert.Empty(await FindAsync(QueryInformationModel.StudyRoot, "STUDY", ("AccessionNumber", "ACC0?")));
    }

    [Fact]
    public async Task Find_WildcardOnLongString_IsCaseSensitive()
    {
        Assert.Empty(await FindAsync(QueryInformationModel.StudyRoot, "STUDY", ("StudyDescription", "pet*")));
        var answers = await FindAsync(QueryInformationModel.StudyRoot, "STUDY", ("StudyDescription", "PET C*"), ("StudyInstanceUID", ""));

        Assert.Equal([QueryCorpus.S1], Uids(answers, DicomTag.StudyInstanceUID));
    }

    [Fact]
    public async Task Find_BracketsInWildcardValue_AreLiteral()
    {
        var answers = await FindAsync(QueryInformationModel.StudyRoot, "STUDY", ("StudyDescription", "PET[FDG*"), ("StudyInstanceUID", ""));
        var none = await FindAsync(QueryInformationModel.StudyRoot, "STUDY", ("AccessionNumber", "X[0-9]*"));

        Assert.Equal([QueryCorpus.S3], Uids(answers, DicomTag.StudyInstanceUID));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("20240101-20241231", new[] { QueryCorpus.S1, QueryCorpus.S2 })]
    [InlineData("-20231231", new[] { QueryCorpus.S3, QueryCorpus.S4 })]
    [InlineData("20240201-", new[] { QueryCorpus.S2 })]
    [InlineData("20240115", new[] { QueryCorpus.S1 })]
    [InlineData("20240116-20240219", new string[0])]
    public async Task Find_DateRangeMatching_ReturnsStudiesInRange(string range, string[] expected)
    {
        var answers = await FindAsync(QueryInformationModel.StudyRoot, "STUDY", ("StudyDate", range), ("StudyInstanceUID", ""));

        Assert.Equal(expected.Order(StringComparer.Ordinal), Uids(answers, DicomTag.StudyInstanceUID).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("1000-1100", new[] { QueryCorpus.S1 })]
    [InlineData("10-10", new[] { QueryCorpus.S1 })]
    [InlineData("1400-", new[] { QueryCorpus.S2 })]
    [InlineData("-0800", new[] { QueryCorpus.S3 })]
    [InlineData("101501-1159", new string[0])]
    public async Task Find_TimeRangeMatching_EndsCoverTheirWholePrecision(string range, string[] expected)
    {
        var answers = await FindAsync(QueryInformationModel.StudyRoot, "STUDY", ("StudyTime", range), ("StudyInstanceUID", ""));

        Assert.Equal(expected.Order(StringComparer.Ordinal), Uids(answers, DicomTag.StudyInstanceUID).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("20240115102030-20240115102200", new[] { "2", "3" })]
    [InlineData("-202401151020", new[] { "1" })]
    [InlineData("202401151022-", new[] { "3" })]
    public async Task Find_DateTimeRangeMatching_ReturnsImagesInRange(string range, string[] expectedNumbers)
    {
        var answers = await FindAsync(QueryInformationModel.StudyRoot, "IMAGE",
            ("StudyInstanceUID", QueryCorpus.S1), ("SeriesInstanceUID", QueryCorpus.S1Pet), ("AcquisitionDateTime", range),
            ("InstanceNumber", ""));

        Assert.Equal(expectedNumbers, answers.Select(a => a.GetString(DicomTag.InstanceNumber)));
    }

    [Fact]
    public async Task Find_CombinedDateTimeMatching_ReadsDateAndTimeAsOneRange()
    {
        var identifier = Identifier("STUDY", ("StudyDate", "20231130-20240115"), ("StudyTime", "1200-1100"), ("StudyInstanceUID", ""));
        var ct = TestContext.Current.CancellationToken;

        var combined = await corpus.Harness.Queries(new QueryOptions { CombineDateTimeMatching = true })
            .FindAsync(identifier, QueryInformationModel.StudyRoot, ct);
        var independent = await corpus.Harness.Queries().FindAsync(identifier, QueryInformationModel.StudyRoot, ct);

        // From 2023-11-30 12:00 to 2024-01-15 11:00: S3 (2023-12-01 08:00) and S1 (2024-01-15 10:15); matched
        // independently, no time lies in 12:00-11:00.
        Assert.Equal([QueryCorpus.S1, QueryCorpus.S3], Uids(combined, DicomTag.StudyInstanceUID).Order(StringComparer.Ordinal));
        Assert.Empty(independent);
    }

    [Fact]
    public async Task Find_ListOfUids_ReturnsEachListedStudy()
    {
        var answers = await FindAsync(QueryInformationModel.StudyRoot, "STUDY",
            ("StudyInstanceUID", $"{QueryCorpus.S3}\\{QueryCorpus.S1}\\1.2.3.999"));

        Assert.Equal([QueryCorpus.S1, QueryCorpus.S3], Uids(answers, DicomTag.StudyInstanceUID).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Find_IntegerSeriesNumber_MatchesSingleValue()
    {
        var answers = await FindAsync(QueryInformationModel.StudyRoot, "SERIES",
            ("StudyInstanceUID", QueryCorpus.S1), ("SeriesNumber", "2"), ("Modality", ""), ("NumberOfSeriesRelatedInstances", ""));

        var answer = Assert.Single(answers);
        Assert.Equal("CT", answer.GetString(DicomTag.Modality));
        Assert.Equal("2", answer.GetString(DicomTag.NumberOfSeriesRelatedInstances));
    }

    [Fact]
    public async Task Find_ModalitiesInStudy_MatchesAnySeriesAndReturnsAllModalities()
    {
        var answers = await FindAsync(QueryInformationModel.StudyRoot, "STUDY",
            ("ModalitiesInStudy", "CT"), ("StudyInstanceUID", ""), ("NumberOfStudyRelatedSeries", ""), ("NumberOfStudyRelatedInstances", ""));

        Assert.Equal([QueryCorpus.S1, QueryCorpus.S2], Uids(answers, DicomTag.StudyInstanceUID));
        Assert.Equal(["CT", "PT"], answers[0].GetStrings(DicomTag.ModalitiesInStudy));
        Assert.Equal("2", answers[0].GetString(DicomTag.NumberOfStudyRelatedSeries));
        Assert.Equal("5", answers[0].GetString(DicomTag.NumberOfStudyRelatedInstances));
    }

    [Fact]
    public async Task Find_StudyRootStudyLevel_MatchesOnPatientAttributes()
    {
        var answers = await FindAsync(QueryInformationModel.StudyRoot, "STUDY",
            ("PatientBirthDate", "19800101-"), ("PatientName", ""), ("StudyInstanceUID", ""));

        Assert.Equal("Smith^Jane", Assert.Single(answers).GetString(DicomTag.PatientName));
    }

    [Fact]
    public async Task Find_UnsupportedKeysAndSequences_ReturnedEmptyWithRetrieveAETitle()
    {
        var identifier = Identifier("STUDY", ("StudyInstanceUID", QueryCorpus.S2), ("PatientAge", ""));
        identifier.AddOrUpdate(new DicomSequence(DicomTag.ProcedureCodeSequence));

        var answers = await corpus.Harness.Queries(new QueryOptions { RetrieveAETitle = "PACSNODE" })
            .FindAsync(identifier, QueryInformationModel.StudyRoot, TestContext.Current.CancellationToken);

        var answer = Assert.Single(answers);
        Assert.IsType<DicomElement>(answer.Get(DicomTag.PatientAge));
        Assert.Equal(string.Empty, answer.GetString(DicomTag.PatientAge));
        Assert.Empty(Assert.IsType<DicomSequence>(answer.Get(DicomTag.ProcedureCodeSequence)).Items);
        Assert.Equal("PACSNODE", answer.GetString(DicomTag.RetrieveAETitle));
    }

    [Fact]
    public async Task Find_NonAsciiPersonName_MatchesAndAnswersInUtf8()
    {
        var answers = await FindAsync(QueryInformationModel.PatientRoot, "PATIENT", ("PatientName", "Müller*"));

        var answer = Assert.Single(answers);
        Assert.Equal("Müller^Jürgen", answer.GetString(DicomTag.PatientName));
        Assert.Equal("ISO_IR 192", answer.GetString(DicomTag.SpecificCharacterSet));
    }

    [Theory]
    [InlineData("PatientID", "' OR 1=1 --")]
    [InlineData("PatientName", "x' OR '1'='1")]
    [InlineData("PatientID", "P1'; DROP TABLE patient; --")]
    [InlineData("PatientName", "*' OR 1=1 --*")]
    public async Task Find_SqlInjectionInKey_MatchesNothingAndIndexStaysIntact(string key, string value)
    {
        var answers = await FindAsync(QueryInformationModel.PatientRoot, "PATIENT", (key, value));

        Assert.Empty(answers);
        Assert.Equal(4, corpus.Harness.Count("patient"));
    }

    [Fact]
    public async Task Find_PatientRootStudyLevelWithoutPatientId_ThrowsMissingUniqueKey()
    {
        var exception = await Assert.ThrowsAsync<QueryException>(
            () => FindAsync(QueryInformationModel.PatientRoot, "STUDY", ("StudyInstanceUID", "")));

        Assert.Equal(QueryError.MissingUniqueKey, exception.Error);
        Assert.Equal(DicomTag.PatientID, exception.Tag);
    }

    [Fact]
    public async Task Find_PatientRootStudyLevelWithPatientId_ReturnsThatPatientsStudies()
    {
        var answers = await FindAsync(QueryInformationModel.PatientRoot, "STUDY", ("PatientID", "P1"), ("StudyInstanceUID", ""));

        Assert.Equal([QueryCorpus.S1], Uids(answers, DicomTag.StudyInstanceUID));
    }

    [Fact]
    public async Task Find_StudyRootSeriesLevelWithoutStudyUid_ThrowsMissingUniqueKey()
    {
        var exception = await Assert.ThrowsAsync<QueryException>(
            () => FindAsync(QueryInformationModel.StudyRoot, "SERIES", ("Modality", "PT")));

        Assert.Equal(QueryError.MissingUniqueKey, exception.Error);
        Assert.Equal(DicomTag.StudyInstanceUID, exception.Tag);
    }

    [Fact]
    public async Task Find_StudyRootPatientLevel_ThrowsInvalidLevel()
    {
        var exception = await Assert.ThrowsAsync<QueryException>(
            () => FindAsync(QueryInformationModel.StudyRoot, "PATIENT", ("PatientID", "")));

        Assert.Equal(QueryError.InvalidLevel, exception.Error);
    }

    [Fact]
    public async Task Find_InvalidDateRange_ThrowsInvalidKeyValue()
    {
        var exception = await Assert.ThrowsAsync<QueryException>(
            () => FindAsync(QueryInformationModel.StudyRoot, "STUDY", ("StudyDate", "20241301-")));

        Assert.Equal(QueryError.InvalidKeyValue, exception.Error);
        Assert.Equal(DicomTag.StudyDate, exception.Tag);
    }

    [Theory]
    [InlineData("PATIENT", "PatientID", "P1", 5)]
    [InlineData("STUDY", "StudyInstanceUID", QueryCorpus.S1 + "\\" + QueryCorpus.S2, 6)]
    [InlineData("SERIES", "SeriesInstanceUID", QueryCorpus.S1Ct, 2)]
    [InlineData("IMAGE", "SOPInstanceUID", QueryCorpus.S1Pet + ".2", 1)]
    public async Task FindInstancesForRetrieve_UniqueKeyOfLevel_ReturnsExistingFiles(string level, string key, string value, int count)
    {
        var files = await corpus.Harness.Queries().FindInstancesForRetrieveAsync(
            Identifier(level, (key, value)), TestContext.Current.CancellationToken);

        Assert.Equal(count, files.Count);
        Assert.All(files, f => Assert.True(File.Exists(f.FilePath)));
        Assert.All(files, f => Assert.EndsWith(f.SopInstanceUid + ".dcm", f.FilePath, StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(DicomUid.PositronEmissionTomographyImageStorage, f.SopClassUid));
    }

    [Fact]
    public async Task FindInstancesForRetrieve_MissingUniqueKey_Throws()
    {
        var exception = await Assert.ThrowsAsync<QueryException>(() => corpus.Harness.Queries().FindInstancesForRetrieveAsync(
            Identifier("SERIES", ("StudyInstanceUID", QueryCorpus.S1)), TestContext.Current.CancellationToken));

        Assert.Equal(DicomTag.SeriesInstanceUID, exception.Tag);
    }

    private static string?[] Uids(IReadOnlyList<DicomDataset> answers, DicomTag tag) => answers.Select(a => a.GetString(tag)).ToArray();

    private Task<IReadOnlyList<DicomDataset>> FindAsync(
        QueryInformationModel model, string level, params (string Keyword, string Value)[] keys) =>
        corpus.Harness.Queries().FindAsync(Identifier(level, keys), model, TestContext.Current.CancellationToken);

    private static DicomDataset Identifier(string level, params (string Keyword, string Value)[] keys)
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, level);
        foreach ((string keyword, string value) in keys)
        {
            var entry = DicomDictionary.LookupKeyword(keyword)!;
            identifier.SetString(entry.Tag, entry.VR, value);
        }

        return identifier;
    }
}
