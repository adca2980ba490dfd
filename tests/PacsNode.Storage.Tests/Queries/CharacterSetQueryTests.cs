using System.Text;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Queries;
using Xunit;

namespace PacsNode.Storage.Tests.Queries;

/// <summary>
/// Specific Character Set in queries and answers: instances stored in ISO_IR 100 and ISO 2022 IR 87 (the PS3.5
/// annex H example), identifiers in ISO_IR 100, ISO 2022 IR 87 and UTF-8 decoded before matching, answers in
/// ISO_IR 192 whenever a returned value is outside ASCII.
/// </summary>
public sealed class CharacterSetQueryTests
{
    private const string Root = "1.2.826.0.1.3680043.10.12";
    private const string Yamada = "Yamada^Tarou=山田^太郎=やまだ^たろう";

    [Theory]
    [InlineData("ISO_IR 100", "Müller*", "Müller^Jürgen")]
    [InlineData("ISO_IR 192", "Müller^Jürgen", "Müller^Jürgen")]
    [InlineData("\\ISO 2022 IR 87", "=山田*", Yamada)]
    [InlineData("\\ISO 2022 IR 87", "山田^太郎", Yamada)]
    [InlineData("ISO_IR 192", "やまだ*", Yamada)]
    public async Task Find_IdentifierInItsCharacterSet_MatchesAndAnswersInUtf8(string characterSet, string key, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        await StoreAsync(harness, "ISO_IR 100", "P1", "Müller^Jürgen", 1, ct);
        await StoreAsync(harness, "\\ISO 2022 IR 87", "P2", Yamada, 2, ct);
        await StoreAsync(harness, "ISO_IR 100", "P3", "Smith^Jane", 3, ct);
        var identifier = new DicomDataset();
        identifier.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, characterSet);
        identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "PATIENT");
        identifier.SetString(DicomTag.PatientName, DicomVR.PN, key);

        var answers = await harness.Queries().FindAsync(identifier, QueryInformationModel.PatientRoot, ct);

        DicomDataset answer = Assert.Single(answers);
        Assert.Equal("ISO_IR 192", answer.GetString(DicomTag.SpecificCharacterSet));
        Assert.Equal(expected, answer.GetString(DicomTag.PatientName));
        var element = Assert.IsType<DicomElement>(answer.Get(DicomTag.PatientName));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), element.Buffer.Span.TrimEnd((byte)' ').ToArray());
    }

    [Fact]
    public async Task Find_AsciiAnswer_CarriesNoCharacterSet()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = new StorageHarness();
        await StoreAsync(harness, "ISO_IR 100", "P3", "Smith^Jane", 3, ct);
        var identifier = DuplicateInstanceTests.Identifier("PATIENT", ("PatientName", "Smith*"));

        var answers = await harness.Queries().FindAsync(identifier, QueryInformationModel.PatientRoot, ct);

        Assert.False(Assert.Single(answers).Contains(DicomTag.SpecificCharacterSet));
    }

    private static async Task StoreAsync(
        StorageHarness harness, string characterSet, string patientId, string name, int n, CancellationToken ct)
    {
        string study = $"{Root}.{n}";
        DicomDataset dataset = TestInstances.Dataset(study, study + ".1", study + ".1.1", patientId);
        dataset.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, characterSet);
        dataset.SetString(DicomTag.PatientName, DicomVR.PN, name);
        await harness.Archive.StoreAsync(TestInstances.File(dataset), ct);
    }
}
