using System.Globalization;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Where a study lies relative to the reference (baseline) study, as a rigid transform: a point p of the reference is
/// at <see cref="Map"/>(p) = c + R·(p − c) + t in this study's frame of reference, with R the rotation of
/// <see cref="RotationDegrees"/> (<see cref="RotationMatrix.FromDegrees"/>: about x, then y, then z), c
/// <see cref="CentreMm"/> (the reference body's centroid for <see cref="BodyAligner"/>) and t
/// <see cref="TranslationMm"/>; without rotation, simply p + t. <see cref="Correlation"/> is the normalised
/// cross-correlation of the two body images at the optimum (1 = identical); 1 − it is the image residual. The lesion
/// residual (RMS distance of matched lesions after the alignment) is in the tracking result.
/// </summary>
/// <param name="TranslationMm">The translation t, mm (LPS): where the centre moves.</param>
/// <param name="RotationDegrees">The rotation angles about x, y and z, degrees; zero: translation only.</param>
/// <param name="CentreMm">The centre of the rotation c, in the reference frame, mm.</param>
/// <param name="Correlation">Normalised cross-correlation at the optimum.</param>
/// <param name="OverlapFraction">Share of the reference samples inside the other volume at the optimum.</param>
/// <param name="Samples">Sample points used for the final fit.</param>
/// <param name="Method">How it was computed, for the report.</param>
/// <param name="Warnings">What a reader should check (low correlation, optimum on the search border).</param>
public sealed record RigidAlignment(
    PatientVector TranslationMm,
    PatientVector RotationDegrees,
    PatientVector CentreMm,
    double Correlation,
    double OverlapFraction,
    int Samples,
    string Method,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The reference study against itself.</summary>
    public static RigidAlignment Identity { get; } = new(default, default, default, 1, 1, 0, "reference study", []);

    /// <summary>Same frame of reference: no alignment needed.</summary>
    public static RigidAlignment SameFrame { get; } = new(default, default, default, 1, 1, 0, "same FrameOfReferenceUID as the reference study", []);

    /// <summary>
    /// The correlation of the best translation alone, when a rotation was also searched (null otherwise): what the
    /// rotation gained, or why it was not kept.
    /// </summary>
    public double? TranslationOnlyCorrelation { get; init; }

    /// <summary>The rotation matrix of <see cref="RotationDegrees"/>.</summary>
    public RotationMatrix Rotation => RotationDegrees == default ? RotationMatrix.Identity : RotationMatrix.FromDegrees(RotationDegrees);

    /// <summary>A given transform (not fitted), e.g. from a registration done elsewhere or for a test.</summary>
    public static RigidAlignment Given(PatientVector translationMm, PatientVector rotationDegrees = default, PatientVector centreMm = default) =>
        new(translationMm, rotationDegrees, centreMm, double.NaN, double.NaN, 0, "given transform", []);

    /// <summary>A reference point's position in this study's frame.</summary>
    public PatientVector Map(PatientVector reference) => MapWith(Rotation, reference);

    /// <summary>The reference position of a point of this study: the inverse of <see cref="Map"/>.</summary>
    public PatientVector Unmap(PatientVector point) => UnmapWith(Rotation, point);

    /// <summary><see cref="Map"/> with the matrix computed once by the caller (<see cref="Rotation"/>), for loops.</summary>
    internal PatientVector MapWith(RotationMatrix rotation, PatientVector reference) => CentreMm + rotation.Apply(reference - CentreMm) + TranslationMm;

    /// <summary><see cref="Unmap"/> with the matrix computed once by the caller.</summary>
    internal PatientVector UnmapWith(RotationMatrix rotation, PatientVector point) => CentreMm + rotation.ApplyInverse(point - TranslationMm - CentreMm);

    /// <summary>
    /// One line for reports: the translation, the rotation angles and centre (when rotated), the correlation (and the
    /// translation-only correlation when a rotation was searched) and the method.
    /// </summary>
    public string Describe()
    {
        IFormatProvider inv = CultureInfo.InvariantCulture;
        PatientVector t = TranslationMm, r = RotationDegrees, c = CentreMm;
        string rotation = r == default ? "no rotation"
            : string.Create(inv, $"rotation ({r.X:0.00}, {r.Y:0.00}, {r.Z:0.00})° about x, y, z (in that order) about ({c.X:0.0}, {c.Y:0.0}, {c.Z:0.0}) mm");
        string gain = TranslationOnlyCorrelation is { } only ? string.Create(inv, $" (translation only {only:0.0000})") : string.Empty;
        return string.Create(inv, $"shift ({t.X:0.00}, {t.Y:0.00}, {t.Z:0.00}) mm, {rotation}, NCC {Correlation:0.0000}{gain}, {Method}");
    }
}
