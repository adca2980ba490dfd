using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Index;
using PacsNode.Storage.Queries;

namespace PacsNode.Benchmarks;

/// <summary>
/// C-FIND latency on a large index: 1,000 studies × 4 series × 25 instances (100,000 instance rows) of synthetic but
/// realistic attributes (about 800 patients with surnames from a list, study dates over 2020-2024, PET/CT studies
/// with PT and CT series, CT-only and MR-only studies), inserted through the <see cref="IndexWriter"/> as the SCP
/// does. Then study-level Study Root queries through <see cref="QueryService.FindAsync"/>, each run many times:
/// median and 95th percentile of the wall time of one call (plan, SQL on a pooled connection, answer datasets
/// built). Not included: the network, DIMSE encoding of the answers, the C-FIND SCP.
/// </summary>
internal static class FindBenchmark
{
    private const int Studies = 1000;
    private const int SeriesPerStudy = 4;
    private const int InstancesPerSeries = 25;
    private const int Patients = 800;
    private const string Root = "1.2.826.0.1.3680043.10.99";

    private static readonly string[] Surnames =
    [
        "Smith", "Smithers", "Smits", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Martinez",
        "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
        "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
        "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera",
        "Campbell", "Mitchell", "Carter", "Roberts", "Müller",
    ];

    private static readonly string[] GivenNames = ["John", "Jane", "Ahmed", "Maria", "Wei", "Olga", "Peter", "Anna", "Jürgen", "Sara"];

    public static async Task<int> RunAsync(string work, int rounds, CancellationToken ct)
    {
        string folder = Path.Combine(work, "find");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var database = IndexDatabase.Open(Path.Combine(folder, "index.sqlite"));
        var fill = Stopwatch.StartNew();
        await FillAsync(database, ct);
        fill.Stop();
        double megabytes = new FileInfo(database.Path).Length / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Filled {Studies * SeriesPerStudy * InstancesPerSeries} instances ({Studies} studies, {Patients} patients) through IndexWriter in {fill.Elapsed.TotalSeconds:F1} s; index file {megabytes:F0} MB (plus WAL)"));

        var service = new QueryService(database);
        int runs = Math.Max(rounds, 1) * 40;
        var table = new StringBuilder();
        table.AppendLine("| study-level query (Study Root) | answers | median ms | p95 ms |");
        table.AppendLine("|---|---|---|---|");
        foreach ((string label, (string Keyword, string Value)[] keys) in Queries())
        {
            DicomDataset identifier = Identifier(keys);
            int answers = (await service.FindAsync(identifier, QueryInformationModel.StudyRoot, ct)).Count;
            var times = new List<double>(runs);
            for (int i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                _ = await service.FindAsync(identifier, QueryInformationModel.StudyRoot, ct);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            double p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];
            table.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {answers} | {Timing.Median(times):F2} | {p95:F2} |");
        }

        Console.WriteLine(table.ToString());
        Console.WriteLine($"({runs} calls per query after one warm-up call)");
        SqliteConnection.ClearAllPools();
        return 0;
    }

    /// <summary>The requested return keys of every query: what a viewer's study list asks for.</summary>
    private static (string, (string, string)[])[] Queries()
    {
        (string, string)[] returned =
        [
            ("StudyInstanceUID", ""), ("PatientName", ""), ("PatientID", ""), ("StudyDate", ""), ("StudyTime", ""),
            ("AccessionNumber", ""), ("StudyDescription", ""), ("NumberOfStudyRelatedSeries", ""),
            ("NumberOfStudyRelatedInstances", ""),
        ];
        return
        [
            ("PatientID exact (P000123)", [.. returned.Where(k => k.Item1 != "PatientID"), ("PatientID", "P000123"), ("ModalitiesInStudy", "")]),
            ("PatientName wildcard Smi*", [.. returned.Where(k => k.Item1 != "PatientName"), ("PatientName", "Smi*"), ("ModalitiesInStudy", "")]),
            ("StudyDate range 20230101-20230131", [.. returned.Where(k => k.Item1 != "StudyDate"), ("StudyDate", "20230101-20230131"), ("ModalitiesInStudy", "")]),
            ("ModalitiesInStudy=PT", [.. returned, ("ModalitiesInStudy", "PT")]),
            ("universal (all studies)", [.. returned, ("ModalitiesInStudy", "")]),
        ];
    }

    private static DicomDataset Identifier((string Keyword, string Value)[] keys)
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "STUDY");
        foreach ((string keyword, string value) in keys)
        {
            var entry = DicomDictionary.LookupKeyword(keyword)!;
            identifier.SetString(entry.Tag, entry.VR, value);
        }

        return identifier;
    }

    private static async Task FillAsync(IndexDatabase database, CancellationToken ct)
    {
        var random = new Random(20261124);
        await using var writer = new IndexWriter(database, TimeProvider.System);
        var pending = new List<Task>(1024);
        var received = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        for (int s = 0; s < Studies; s++)
        {
            int patient = s < Patients ? s : random.Next(Patients);
            var day = new DateOnly(2020, 1, 1).AddDays(random.Next(5 * 365));
            string time = $"{7 + random.Next(11):D2}{random.Next(60):D2}{random.Next(60):D2}";
            int kind = random.Next(10);
            string[] modalities = kind < 6 ? ["PT", "CT", "PT", "CT"] : kind < 9 ? ["CT", "CT", "CT", "CT"] : ["MR", "MR", "MR", "MR"];
            string studyUid = $"{Root}.{s + 1}";
            for (int se = 0; se < SeriesPerStudy; se++)
            {
                string seriesUid = $"{studyUid}.{se + 1}";
                bool pet = modalities[se] == "PT";
                for (int i = 1; i <= InstancesPerSeries; i++)
                {
                    var record = new IndexRecord
                    {
                        PatientId = $"P{patient:D6}",
                        PatientName = $"{Surnames[patient % Surnames.Length]}^{GivenNames[patient / Surnames.Length % GivenNames.Length]}",
                        PatientBirthDate = $"{1930 + (patient % 70)}0{1 + (patient % 9)}15",
                        PatientSex = patient % 2 == 0 ? "M" : "F",
                        StudyInstanceUid = studyUid,
                        StudyDate = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                        StudyTime = time,
                        AccessionNumber = $"A{s + 1:D7}",
                        StudyId = "1",
                        StudyDescription = kind < 6 ? "PET^FDG WB" : kind < 9 ? "CT CHEST ABDOMEN" : "MR BRAIN",
                        ReferringPhysicianName = "Ref^Alice",
                        SeriesInstanceUid = seriesUid,
                        Modality = modalities[se],
                        SeriesNumber = (se + 1).ToString(CultureInfo.InvariantCulture),
                        SeriesDescription = pet ? "PET AC" : modalities[se] + " series",
                        Units = pet ? "BQML" : null,
                        DecayCorrection = pet ? "START" : null,
                        CorrectedImage = pet ? "ATTN\\DECY" : null,
                        SopInstanceUid = $"{seriesUid}.{i}",
                        SopClassUid = pet ? DicomUid.PositronEmissionTomographyImageStorage
                            : modalities[se] == "CT" ? DicomUid.CTImageStorage : DicomUid.MRImageStorage,
                        InstanceNumber = i.ToString(CultureInfo.InvariantCulture),
                        TransferSyntaxUid = DicomUid.ExplicitVRLittleEndian,
                        FilePath = $"/data/instances/{studyUid}/{seriesUid}/{seriesUid}.{i}.dcm",
                        FileSize = 180_000,
                        ReceivedAt = received,
                    };
                    pending.Add(writer.IndexAsync(record, ct));
                    if (pending.Count == pending.Capacity)
                    {
                        await Task.WhenAll(pending);
                        pending.Clear();
                    }
                }
            }
        }

        await Task.WhenAll(pending);
    }
}
