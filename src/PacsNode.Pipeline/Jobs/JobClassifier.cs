using PacsNode.Dicom.Dictionary;

namespace PacsNode.Pipeline.Jobs;

/// <summary>
/// Which stored instances make jobs: PET Image Storage, Enhanced PET and Legacy Converted Enhanced PET series a
/// series report; an RTSTRUCT or SEG instance (reader-supplied VOIs) a reader-VOI report. Everything else is stored
/// and indexed only.
/// </summary>
public static class JobClassifier
{
    /// <summary>The SOP classes that make jobs.</summary>
    public static IReadOnlyList<string> SopClasses { get; } =
    [
        DicomUid.PositronEmissionTomographyImageStorage, DicomUid.EnhancedPETImageStorage,
        DicomUid.LegacyConvertedEnhancedPETImageStorage, DicomUid.RTStructureSetStorage, DicomUid.SegmentationStorage,
    ];

    public static JobKind? KindOf(string sopClassUid) => sopClassUid switch
    {
        DicomUid.PositronEmissionTomographyImageStorage or DicomUid.EnhancedPETImageStorage
            or DicomUid.LegacyConvertedEnhancedPETImageStorage => JobKind.SeriesReport,
        DicomUid.RTStructureSetStorage or DicomUid.SegmentationStorage => JobKind.ReaderVois,
        _ => null,
    };

    /// <summary>The kind's name in the job table and in <c>pacsnode jobs</c>.</summary>
    public static string Name(JobKind kind) => kind switch
    {
        JobKind.SeriesReport => "series-report",
        JobKind.ReaderVois => "reader-vois",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static JobKind Parse(string name) => name switch
    {
        "series-report" => JobKind.SeriesReport,
        "reader-vois" => JobKind.ReaderVois,
        _ => throw new FormatException($"unknown job kind '{name}'"),
    };
}
