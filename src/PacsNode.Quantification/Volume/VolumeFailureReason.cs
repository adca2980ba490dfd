namespace PacsNode.Quantification.Volume;

/// <summary>Why slices do not make a volume, or pixels cannot be read (DOMAIN.md section 3).</summary>
public enum VolumeFailureReason
{
    NoSlices,

    /// <summary>ImageOrientationPatient, ImagePositionPatient, PixelSpacing, Rows or Columns missing or invalid.</summary>
    MissingGeometry,

    /// <summary>Slices differ in orientation, or are not stacked along the normal (shifted in plane).</summary>
    MixedOrientation,

    MixedSpacing,

    MixedMatrix,

    /// <summary>Two slices at the same position along the normal.</summary>
    DuplicatePosition,

    /// <summary>Positions along the normal not evenly spaced within 1%: a gap or an irregular series.</summary>
    UnevenSpacing,

    /// <summary>Encapsulated (compressed) pixel data; codecs come later.</summary>
    CompressedPixelData,

    /// <summary>Not 1 sample of 8 or 16 bits, or pixel data shorter than the matrix.</summary>
    UnsupportedPixelFormat,

    MissingPixelData,

    /// <summary>Multi-frame (Enhanced PET) input: not assembled yet.</summary>
    MultiFrameNotSupported,

    /// <summary>The SUV factors were computed for a different list of slices.</summary>
    FactorMismatch,

    /// <summary>The requested normaliser is not available for this series (e.g. no height for SUVlbm).</summary>
    NormaliserUnavailable,

    /// <summary>The CT slices lack a FrameOfReferenceUID, differ in it, or differ from the PET's: no common space.</summary>
    FrameOfReferenceMismatch,
}
