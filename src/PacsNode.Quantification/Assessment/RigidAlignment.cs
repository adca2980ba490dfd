using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Where a study lies relative to the reference (baseline) study: a point p of the reference is at
/// p + <see cref="TranslationMm"/> in this study's frame of reference. <see cref="Correlation"/> is the normalised
/// cross-correlation of the two body images at the optimum (1 = identical); 1 − it is the image residual. The lesion
/// residual (RMS distance of matched lesions after the alignment) is in the tracking result.
/// </summary>
/// <param name="TranslationMm">The translation, mm (LPS).</param>
/// <param name="Correlation">Normalised cross-correlation at the optimum.</param>
/// <param name="OverlapFraction">Share of the reference samples inside the other volume at the optimum.</param>
/// <param name="Samples">Sample points used for the final fit.</param>
/// <param name="Method">How it was computed, for the report.</param>
/// <param name="Warnings">What a reader should check (low correlation, optimum on the search border).</param>
public sealed record RigidAlignment(
    PatientVector TranslationMm,
    double Correlation,
    double OverlapFraction,
    int Samples,
    string Method,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The reference study against itself.</summary>
    public static RigidAlignment Identity { get; } = new(default, 1, 1, 0, "reference study", []);

    /// <summary>Same frame of reference: no alignment needed.</summary>
    public static RigidAlignment SameFrame { get; } = new(default, 1, 1, 0, "same FrameOfReferenceUID as the reference study", []);
}
