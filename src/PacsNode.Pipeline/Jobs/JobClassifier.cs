using PacsNode.Dicom.Dictionary;

namespace PacsNode.Pipeline.Jobs;

/// <summary>
/// Which stored instances make jobs: PET Image Storage, Enhanced PET and Legacy Converted Enhanced PET series a
/// series report; an RTSTRUCT or SEG instance (reader-supplied VOIs) a reader-VOI report; an SR instance (Comprehensive 3D,
/// Comprehensive, Enhanced: possibly a reader's HER2-PET classes) a reader-HER2 job, which only remakes the patient report.
/// Everything else is stored and indexed only. The node's own results never make jobs (<see cref="JobQueue"/> leaves
/// job results out), and a reader-HER2 job on an SR the node made does nothing (<c>ReaderHer2Reports.IsNodeOwn</c>).
/// </summary>
public static class JobClassifier
{
    /// <summary>The SOP classes that make jobs.</summary>
    public static IReadOnlyList<string> SopClasses { get; } =
    [
        DicomUid.PositronEmissionTomographyImageStorage, DicomUid.EnhancedPETImageStorage,
        DicomUid.LegacyConvertedEnhancedPETImageStorage, DicomUid.RTStructureSetStorage, DicomUid.SegmentationStorage,
        DicomUid.Comprehensive3DSRStorage, DicomUid.ComprehensiveSRStorage, DicomUid.EnhancedSRStorage,
    ];

    public static JobKind? KindOf(string sopClassUid) => sopClassUid switch
    {
        DicomUid.PositronEmissionTomographyImageStorage or DicomUid.EnhancedPETImageStorage
            or DicomUid.LegacyConvertedEnhancedPETImageStorage => JobKind.SeriesReport,
        DicomUid.RTStructureSetStorage or DicomUid.SegmentationStorage => JobKind.ReaderVois,
        DicomUid.Comprehensive3DSRStorage or DicomUid.ComprehensiveSRStorage or DicomUid.EnhancedSRStorage => JobKind.ReaderHer2,
        _ => null,
    };

    /// <summary>The kind's name in the job table and in <c>pacsnode jobs</c>.</summary>
    public static string Name(JobKind kind) => kind switch
    {
        JobKind.SeriesReport => "series-report",
        JobKind.ReaderVois => "reader-vois",
        JobKind.ReaderHer2 => "reader-her2",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static JobKind Parse(string name) => name switch
    {
        "series-report" => JobKind.SeriesReport,
        "reader-vois" => JobKind.ReaderVois,
        "reader-her2" => JobKind.ReaderHer2,
        _ => throw new FormatException($"unknown job kind '{name}'"),
    };
}
