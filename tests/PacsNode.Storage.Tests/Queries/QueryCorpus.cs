using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using Xunit;

namespace PacsNode.Storage.Tests.Queries;

/// <summary>
/// A small hand-built archive, stored and indexed through the real store and writer:
/// P1 Doe^John (1970-01-01, M): S1 2024-01-15 10:15 ACC001 "PET CT WB", series PT #1 (3 images, acquired
/// 10:20, 10:21, 10:22) and CT #2 (2 images); P2 Smith^Jane (1985-12-31, F): S2 2024-02-20 14:30 ACC002 "CT CHEST",
/// CT #1 (1 image); P3 doe^jim (1960-05-05, M): S3 2023-12-01 08:00 "X[1]Y" "PET[FDG]", PT #1 (1 image);
/// P4 Müller^Jürgen (UTF-8): S4 2022-06-06 12:00 ACC004, PT #1 (1 image).
/// </summary>
public sealed class QueryCorpus : IAsyncLifetime
{
    public const string Root = "1.2.826.0.1.3680043.10.3";
    public const string S1 = Root + ".1";
    public const string S2 = Root + ".2";
    public const string S3 = Root + ".3";
    public const string S4 = Root + ".4";
    public const string S1Pet = S1 + ".1";
    public const string S1Ct = S1 + ".2";

    internal StorageHarness Harness { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var p1 = Patient("P1", "Doe^John", "19700101", "M");
        var s1 = Study(S1, "20240115", "101500", "ACC001", "PET CT WB");
        for (int i = 1; i <= 3; i++)
        {
            await AddAsync(p1, s1, Series(S1Pet, "PT", "1", "PET AC"), i, $"2024011510{19 + i}00", ct);
        }

        for (int i = 1; i <= 2; i++)
        {
            await AddAsync(p1, s1, Series(S1Ct, "CT", "2", "CT WB"), i, null, ct);
        }

        await AddAsync(Patient("P2", "Smith^Jane", "19851231", "F"), Study(S2, "20240220", "143000", "ACC002", "CT CHEST"),
            Series(S2 + ".1", "CT", "1", "CHEST"), 1, null, ct);
        await AddAsync(Patient("P3", "doe^jim", "19600505", "M"), Study(S3, "20231201", "080000", "X[1]Y", "PET[FDG]"),
            Series(S3 + ".1", "PT", "1", "PET"), 1, null, ct);
        await AddAsync(Patient("P4", "Müller^Jürgen", "19550303", "M"), Study(S4, "20220606", "120000", "ACC004", "PET"),
            Series(S4 + ".1", "PT", "1", "PET"), 1, null, ct);
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();

    private async Task AddAsync(
        (string, DicomVR, string)[] patient, (string, DicomVR, string)[] study, (string, DicomVR, string)[] series,
        int number, string? acquired, CancellationToken ct)
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        string seriesUid = series[0].Item3;
        dataset.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.PositronEmissionTomographyImageStorage);
        dataset.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, $"{seriesUid}.{number}");
        dataset.SetString(DicomTag.InstanceNumber, DicomVR.IS, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (acquired is not null)
        {
            dataset.SetString(DicomTag.AcquisitionDateTime, DicomVR.DT, acquired);
        }

        foreach ((string keyword, DicomVR vr, string value) in patient.Concat(study).Concat(series))
        {
            dataset.SetString(DicomDictionary.LookupKeyword(keyword)!.Tag, vr, value);
        }

        await Harness.StoreAndIndexAsync(TestInstances.File(dataset), ct);
    }

    private static (string, DicomVR, string)[] Patient(string id, string name, string birth, string sex) =>
        [("PatientID", DicomVR.LO, id), ("PatientName", DicomVR.PN, name), ("PatientBirthDate", DicomVR.DA, birth),
            ("PatientSex", DicomVR.CS, sex)];

    private static (string, DicomVR, string)[] Study(string uid, string date, string time, string accession, string description) =>
        [("StudyInstanceUID", DicomVR.UI, uid), ("StudyDate", DicomVR.DA, date), ("StudyTime", DicomVR.TM, time),
            ("AccessionNumber", DicomVR.SH, accession), ("StudyDescription", DicomVR.LO, description),
            ("StudyID", DicomVR.SH, "1"), ("ReferringPhysicianName", DicomVR.PN, "Ref^Alice")];

    private static (string, DicomVR, string)[] Series(string uid, string modality, string number, string description) =>
        [("SeriesInstanceUID", DicomVR.UI, uid), ("Modality", DicomVR.CS, modality), ("SeriesNumber", DicomVR.IS, number),
            ("SeriesDescription", DicomVR.LO, description)];
}
