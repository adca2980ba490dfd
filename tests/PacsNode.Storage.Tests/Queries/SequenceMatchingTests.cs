using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Queries;
using Xunit;

namespace PacsNode.Storage.Tests.Queries;

/// <summary>
/// Sequence matching (PS3.4 C.2.2.2.6) on three studies: A (Procedure Code PET001 "PET WB FDG"; a PET series with
/// FDG, F-18 code C-111A1, 370 MBq; Referenced Study 1.2.3.4.5), B (two procedure codes CT001 "CT CHEST" and CT002
/// "CT ABDOMEN"; a PET series with Ga-68 code C-131A3) and C (no sequences).
/// </summary>
public sealed class SequenceMatchingTests : IAsyncLifetime
{
    private const string Root = "1.2.826.0.1.3680043.10.13";
    private const string A = Root + ".1";
    private const string B = Root + ".2";
    private const string C = Root + ".3";

    private readonly StorageHarness _harness = new();

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await StoreAsync(A, "P1", ct,
            Sequence(DicomTag.ProcedureCodeSequence, Code("PET001", "LOCAL", "PET WB FDG")),
            Sequence(DicomTag.ReferencedStudySequence, Item(
                (DicomTag.ReferencedSOPClassUID, DicomVR.UI, "1.2.840.10008.3.1.2.3.1"),
                (DicomTag.ReferencedSOPInstanceUID, DicomVR.UI, "1.2.3.4.5"))),
            Sequence(DicomTag.RadiopharmaceuticalInformationSequence, Radiopharmaceutical(
                "Fluorodeoxyglucose", "370000000", Code("C-111A1", "SRT", "^18^Fluorine"))));
        await StoreAsync(B, "P2", ct,
            Sequence(DicomTag.ProcedureCodeSequence, Code("CT001", "LOCAL", "CT CHEST"), Code("CT002", "LOCAL", "CT ABDOMEN")),
            Sequence(DicomTag.RadiopharmaceuticalInformationSequence, Radiopharmaceutical(
                "PSMA-11", "150000000", Code("C-131A3", "SRT", "^68^Gallium"))));
        await StoreAsync(C, "P3", ct);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Find_SubKeyMatchingOneStoredItem_ReturnsStudyWithAllItemsNarrowedToSubKeys()
    {
        var answers = await FindStudiesAsync(Sequence(DicomTag.ProcedureCodeSequence, Item((DicomTag.CodeValue, DicomVR.SH, "CT002"))));

        DicomDataset answer = Assert.Single(answers);
        Assert.Equal(B, answer.GetString(DicomTag.StudyInstanceUID));
        var items = Assert.IsType<DicomSequence>(answer.Get(DicomTag.ProcedureCodeSequence)).Items;
        Assert.Equal(["CT001", "CT002"], items.Select(i => i.GetString(DicomTag.CodeValue)));
        Assert.All(items, i => Assert.Single(i));
    }

    [Fact]
    public async Task Find_SubKeysSplitOverTwoItems_MatchesNothing()
    {
        var answers = await FindStudiesAsync(Sequence(DicomTag.ProcedureCodeSequence,
            Item((DicomTag.CodeValue, DicomVR.SH, "CT001"), (DicomTag.CodeMeaning, DicomVR.LO, "CT ABDOMEN"))));

        Assert.Empty(answers);
    }

    [Theory]
    [InlineData("CT*", new[] { B })]
    [InlineData("ct*", new string[0])]
    [InlineData("*FDG", new[] { A })]
    [InlineData("?? *", new[] { B })]
    public async Task Find_WildcardSubKey_IsCaseSensitive(string meaning, string[] expected)
    {
        var answers = await FindStudiesAsync(Sequence(DicomTag.ProcedureCodeSequence, Item((DicomTag.CodeMeaning, DicomVR.LO, meaning))));

        Assert.Equal(expected, answers.Select(a => a.GetString(DicomTag.StudyInstanceUID)));
    }

    [Fact]
    public async Task Find_EmptyItem_IsUniversalAndReturnsTheStoredSequences()
    {
        var answers = await FindStudiesAsync(Sequence(DicomTag.ProcedureCodeSequence, new DicomDataset()));

        Assert.Equal([A, B, C], answers.Select(a => a.GetString(DicomTag.StudyInstanceUID)));
        DicomDataset item = Assert.Single(Assert.IsType<DicomSequence>(answers[0].Get(DicomTag.ProcedureCodeSequence)).Items);
        Assert.Equal("PET001", item.GetString(DicomTag.CodeValue));
        Assert.Equal("LOCAL", item.GetString(DicomTag.CodingSchemeDesignator));
        Assert.Equal("PET WB FDG", item.GetString(DicomTag.CodeMeaning));
        Assert.Equal(2, Assert.IsType<DicomSequence>(answers[1].Get(DicomTag.ProcedureCodeSequence)).Items.Count);
        Assert.Empty(Assert.IsType<DicomSequence>(answers[2].Get(DicomTag.ProcedureCodeSequence)).Items);
    }

    [Fact]
    public async Task Find_SequenceOfZeroItems_IsUniversal()
    {
        var answers = await FindStudiesAsync(new DicomSequence(DicomTag.ProcedureCodeSequence));

        Assert.Equal(3, answers.Count);
        Assert.Single(Assert.IsType<DicomSequence>(answers[0].Get(DicomTag.ProcedureCodeSequence)).Items);
    }

    [Fact]
    public async Task Find_ListOfUidsInSequence_MatchesAnyListedUid()
    {
        var answers = await FindStudiesAsync(Sequence(DicomTag.ReferencedStudySequence,
            Item((DicomTag.ReferencedSOPInstanceUID, DicomVR.UI, "9.9.9\\1.2.3.4.5"))));

        Assert.Equal([A], answers.Select(a => a.GetString(DicomTag.StudyInstanceUID)));
    }

    [Theory]
    [InlineData(A, "C-111A1", true)]
    [InlineData(B, "C-111A1", false)]
    [InlineData(B, "C-131A3", true)]
    public async Task Find_NestedRadionuclideCode_MatchesPetSeriesAndReturnsDoseAndNuclide(string study, string code, bool matches)
    {
        var key = Sequence(DicomTag.RadiopharmaceuticalInformationSequence, Item(
            (DicomTag.Radiopharmaceutical, DicomVR.LO, ""), (DicomTag.RadionuclideTotalDose, DicomVR.DS, "")));
        key.Items[0].AddOrUpdate(Sequence(DicomTag.RadionuclideCodeSequence,
            Item((DicomTag.CodeValue, DicomVR.SH, code), (DicomTag.CodeMeaning, DicomVR.LO, ""))));
        var identifier = DuplicateInstanceTests.Identifier("SERIES", ("StudyInstanceUID", study), ("SeriesInstanceUID", ""));
        identifier.AddOrUpdate(key);

        var answers = await _harness.Queries().FindAsync(identifier, QueryInformationModel.StudyRoot, TestContext.Current.CancellationToken);

        if (!matches)
        {
            Assert.Empty(answers);
            return;
        }

        DicomDataset item = Assert.Single(Assert.IsType<DicomSequence>(
            Assert.Single(answers).Get(DicomTag.RadiopharmaceuticalInformationSequence)).Items);
        Assert.Equal(study == A ? "Fluorodeoxyglucose" : "PSMA-11", item.GetString(DicomTag.Radiopharmaceutical));
        Assert.Equal(study == A ? "370000000" : "150000000", item.GetString(DicomTag.RadionuclideTotalDose));
        DicomDataset nuclide = Assert.Single(Assert.IsType<DicomSequence>(item.Get(DicomTag.RadionuclideCodeSequence)).Items);
        Assert.Equal(study == A ? "^18^Fluorine" : "^68^Gallium", nuclide.GetString(DicomTag.CodeMeaning));
        Assert.False(item.Contains(DicomTag.RadionuclideHalfLife));
    }

    [Fact]
    public async Task DeleteAsync_LastInstanceOfStudy_RemovesItsSequenceItems()
    {
        var ct = TestContext.Current.CancellationToken;

        await _harness.Writer.DeleteAsync(B + ".1.1", ct);

        using SqliteConnection connection = _harness.Database.OpenConnection();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sequence_item";
        // A: 1 procedure code, 1 referenced study, 1 radiopharmaceutical with 1 nuclide code = 4 items left.
        Assert.Equal(4L, (long)(await command.ExecuteScalarAsync(ct))!);
    }

    private async Task<IReadOnlyList<DicomDataset>> FindStudiesAsync(DicomSequence key)
    {
        var identifier = DuplicateInstanceTests.Identifier("STUDY", ("StudyInstanceUID", ""));
        identifier.AddOrUpdate(key);
        return await _harness.Queries().FindAsync(identifier, QueryInformationModel.StudyRoot, TestContext.Current.CancellationToken);
    }

    private async Task StoreAsync(string study, string patient, CancellationToken ct, params DicomSequence[] sequences)
    {
        DicomDataset dataset = TestInstances.Dataset(study, study + ".1", study + ".1.1", patient);
        foreach (DicomSequence sequence in sequences)
        {
            dataset.AddOrUpdate(sequence);
        }

        await _harness.Archive.StoreAsync(TestInstances.File(dataset), ct);
    }

    private static DicomSequence Sequence(DicomTag tag, params DicomDataset[] items) => new(tag, items);

    private static DicomDataset Item(params (DicomTag Tag, DicomVR VR, string Value)[] values)
    {
        var item = new DicomDataset();
        foreach ((DicomTag tag, DicomVR vr, string value) in values)
        {
            item.SetString(tag, vr, value);
        }

        return item;
    }

    private static DicomDataset Code(string value, string scheme, string meaning) => Item(
        (DicomTag.CodeValue, DicomVR.SH, value), (DicomTag.CodingSchemeDesignator, DicomVR.SH, scheme),
        (DicomTag.CodeMeaning, DicomVR.LO, meaning));

    private static DicomDataset Radiopharmaceutical(string name, string dose, DicomDataset nuclide)
    {
        DicomDataset item = Item((DicomTag.Radiopharmaceutical, DicomVR.LO, name), (DicomTag.RadionuclideTotalDose, DicomVR.DS, dose),
            (DicomTag.RadionuclideHalfLife, DicomVR.DS, "6586.2"));
        item.AddOrUpdate(Sequence(DicomTag.RadionuclideCodeSequence, nuclide));
        return item;
    }
}
