using System.Diagnostics.CodeAnalysis;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Lesions;

/// <summary>The quantification of one PET series, or the reason it could not be done.</summary>
public sealed record QuantifyResult
{
    public QuantifyFailure? Failure { get; init; }

    public SuvFactors? Factors { get; init; }

    public LiverSearch? Liver { get; init; }

    /// <summary>The PET series' identity and the SOP Instance UID of each slice z (null when the volume could not be built).</summary>
    public PetSeriesReference? Series { get; init; }

    /// <summary>The measured VOIs: the reader's, or the accepted automatic lesions.</summary>
    public IReadOnlyList<MeasuredVoi> Vois { get; init; } = [];

    /// <summary>Automatic detection with every candidate (null when reader-defined VOIs were given).</summary>
    public LesionDetection? Detection { get; init; }

    public bool GlucoseTracer { get; init; }

    /// <summary>
    /// The SUVbw volume that was measured (in memory only, not written by the text or JSON output), so a later step can
    /// measure more VOIs on it, e.g. an FDG lesion carried over to the 89Zr study (Assessment).
    /// </summary>
    public SuvVolume? Volume { get; init; }

    /// <summary>The body mask used for the background shells (in memory only, like <see cref="Volume"/>).</summary>
    public BodyMask? Body { get; init; }

    /// <summary>Why SULpeak is not given, when it is not (no height or weight).</summary>
    public string? SulUnavailableReason { get; init; }

    /// <summary>Notes from reading the VOIs and finding the liver.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The kernels' backend.</summary>
    public string Backend { get; init; } = string.Empty;

    /// <summary>Wall time of each step in ms: suv, volume, body, liver, vois (or detection).</summary>
    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();

    [MemberNotNullWhen(false, nameof(Failure))]
    [MemberNotNullWhen(true, nameof(Factors), nameof(Liver), nameof(Series), nameof(Volume))]
    public bool IsSuccess => Failure is null;
}
