using PacsNode.Dicom.Dictionary;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.StructuredReport.Tests;

/// <summary>Realistic report inputs: an FDG study with three lesions and the liver reference, an 89Zr one, a not-quantified one.</summary>
internal static class ReportSamples
{
    public const string StudyUid = "2.25.1001";
    public const string PetSeriesUid = "2.25.1002";
    public const string CtSeriesUid = "2.25.1003";
    public const string SegSeriesUid = "2.25.1004";
    public const string SegInstanceUid = "2.25.1005";
    public const string ReportSeriesUid = "2.25.1006";

    public static ReportSubject Subject { get; } = new()
    {
        PatientName = "Müller^Anna",
        PatientId = "ZEPHIR-007",
        PatientBirthDate = "19640212",
        PatientSex = "F",
        StudyInstanceUid = StudyUid,
        StudyDate = "20260301",
        StudyTime = "091500",
        ReferringPhysicianName = "Dr^Who",
        StudyId = "S1",
        AccessionNumber = "ACC42",
        SpecificCharacterSet = "ISO_IR 100",
    };

    public static ReportDevice Device { get; } = new()
    {
        ManufacturerModelName = "PacsNode node",
        SoftwareVersions = "0.1.0",
        DeviceSerialNumber = "node-1",
        ObserverUid = "2.25.99",
        ObserverName = "PacsNode quantification",
    };

    public static AlgorithmIdentification Algorithm { get; } = new(
        "PacsNode lesion quantification", "0.1.0",
        [new("VoiThreshold", "41% of SUVmax"), new("SuvPeakSphereRadiusMm", "6.2035"), new("Accelerator", "CPU reference")]);

    public static IReadOnlyList<string> PetSlices { get; } = [.. Enumerable.Range(1, 5).Select(i => $"2.25.2000{i}")];

    public static MeasurementReport Fdg(string sopInstanceUid = "2.25.3001", IReadOnlyList<SopReference>? predecessors = null, double scale = 1.0) => new()
    {
        Subject = Subject,
        Document = new DocumentIdentity { SeriesInstanceUid = ReportSeriesUid, SopInstanceUid = sopInstanceUid, SeriesNumber = 901, SeriesDescription = "PacsNode lesion report" },
        ContentDateTime = new DateTimeOffset(2026, 3, 1, 10, 30, 15, TimeSpan.FromHours(1)),
        Device = Device,
        Algorithm = Algorithm,
        ProcedureReported = Concepts.PetWholeBody,
        ImageLibrary =
        [
            PetLibrary(Concepts.Fluorine18, Concepts.Fluorodeoxyglucose, 6586.2, 368_080_000),
            new ImageLibraryGroup
            {
                Modality = Concepts.ModalityCt,
                SeriesInstanceUid = CtSeriesUid,
                FrameOfReferenceUid = "2.25.1009",
                Images = [new ImageReference(DicomUid.CTImageStorage, "2.25.21001"), new ImageReference(DicomUid.CTImageStorage, "2.25.21002")],
            },
        ],
        Groups =
        [
            Lesion("L1", 1, 12.5 * scale, 7.25, 10.75, 8.5, 14.0, 4.2, fdg: true),
            Lesion("L2", 2, 6.5 * scale, 4.0, 5.5, 4.75, 3.5, 2.5, fdg: true),
            Lesion("L3", 3, 3.25 * scale, 2.5, 3.0, 2.5, 1.25, 1.4, fdg: true),
            Liver(4),
        ],
        Evaluations = [new QualitativeEvaluation(new Code("PERCIST", "99PACSNODE", "PERCIST response"), new Code("SMD", "99PACSNODE", "Stable metabolic disease"))],
        Notes = ["4 candidates, 3 above the PERCIST threshold 2.11"],
        Evidence = Evidence(),
        Predecessors = predecessors ?? [],
    };

    public static MeasurementReport Zirconium() => Fdg("2.25.3002") with
    {
        ImageLibrary = [PetLibrary(Concepts.Zirconium89, new Code("99ZRTRAS", "99PACSNODE", "89Zr-trastuzumab"), 282276, 37_000_000)],
        Groups = [Lesion("L1", 1, 4.5, 2.5, 3.75, 3.0, 14.0, 2.1, fdg: false), Lesion("L2", 2, 2.0, 1.25, 1.5, 1.25, 3.5, 1.05, fdg: false)],
        Evaluations = [],
    };

    public static MeasurementReport NotQuantified() => Fdg("2.25.3003") with
    {
        Groups = [],
        Evaluations = [],
        Notes = [],
        Evidence = [.. Evidence().Where(e => e.SeriesInstanceUid != SegSeriesUid)],
        NotQuantified = new NotQuantifiedReason("Suv", "MissingAttribute", "SUV not computable: MissingAttribute: PatientWeight (0010,1030) is missing"),
    };

    public static IReadOnlyList<SopReference> Evidence() =>
    [
        .. PetSlices.Select(uid => new SopReference(StudyUid, PetSeriesUid, DicomUid.PositronEmissionTomographyImageStorage, uid)),
        new SopReference(StudyUid, CtSeriesUid, DicomUid.CTImageStorage, "2.25.21001"),
        new SopReference(StudyUid, CtSeriesUid, DicomUid.CTImageStorage, "2.25.21002"),
        new SopReference(StudyUid, SegSeriesUid, DicomUid.SegmentationStorage, SegInstanceUid),
    ];

    private static ImageLibraryGroup PetLibrary(Code nuclide, Code agent, double halfLife, double dose) => new()
    {
        Modality = Concepts.ModalityPet,
        SeriesInstanceUid = PetSeriesUid,
        FrameOfReferenceUid = "2.25.1009",
        Images = [.. PetSlices.Select(uid => new ImageReference(DicomUid.PositronEmissionTomographyImageStorage, uid))],
        Pet = new PetImageDescriptors
        {
            Radionuclide = nuclide,
            Radiopharmaceutical = agent,
            HalfLifeSeconds = halfLife,
            RadiopharmaceuticalStartDateTime = new DateTime(2026, 3, 1, 8, 10, 0),
            TotalDoseBq = dose,
        },
    };

    private static MeasurementGroup Lesion(string id, int segment, double max, double mean, double peak, double sulPeak, double mtv, double lbr, bool fdg)
    {
        var measurements = new List<Measurement>
        {
            new(Concepts.SuvBw, Concepts.Maximum, max, Units.SuvBw),
            new(Concepts.SuvBw, Concepts.Mean, mean, Units.SuvBw),
            new(Concepts.SuvBw, Concepts.PeakValueWithinRoi, peak, Units.SuvBw),
            new(Concepts.SuvLbmJanma, Concepts.PeakValueWithinRoi, sulPeak, Units.SuvLbmJanma),
            new(Concepts.MetabolicVolume, null, mtv, Units.Milliliter),
        };
        if (fdg)
        {
            measurements.Add(new(Concepts.TotalLesionGlycolysis, null, mean * mtv, Units.Gram));
        }

        measurements.Add(new(Concepts.LesionToBackgroundRatio, null, lbr, Units.NoUnits));
        return new MeasurementGroup
        {
            TrackingIdentifier = id,
            TrackingUid = $"2.25.500{segment}",
            Finding = Concepts.Lesion,
            TimePoint = "baseline",
            Segment = new SegmentReference(DicomUid.SegmentationStorage, SegInstanceUid, segment),
            SourceSeriesInstanceUid = PetSeriesUid,
            MeasurementMethod = Concepts.SuvBodyWeightMethod,
            Measurements = measurements,
            Evaluations = fdg ? [] : [new QualitativeEvaluation(new Code("HER2CLASS", "99PACSNODE", "HER2-PET class"), new Code("HER2C3", "99PACSNODE", "Visible uptake (class 3)"))],
        };
    }

    private static MeasurementGroup Liver(int segment) => new()
    {
        TrackingIdentifier = "LIVER",
        TrackingUid = "2.25.5099",
        Finding = Concepts.Liver,
        FindingSite = Concepts.Liver,
        TimePoint = "baseline",
        Segment = new SegmentReference(DicomUid.SegmentationStorage, SegInstanceUid, segment),
        SourceSeriesInstanceUid = PetSeriesUid,
        MeasurementMethod = Concepts.SuvBodyWeightMethod,
        Measurements =
        [
            new(Concepts.SuvBw, Concepts.Mean, 2.125, Units.SuvBw),
            new(Concepts.SuvLbmJanma, Concepts.Mean, 1.5, Units.SuvLbmJanma),
            new(Concepts.MetabolicVolume, null, 14.137, Units.Milliliter),
        ],
    };
}
