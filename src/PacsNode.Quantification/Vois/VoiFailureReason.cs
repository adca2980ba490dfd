namespace PacsNode.Quantification.Vois;

/// <summary>Why reader-defined VOIs cannot be placed on the PET volume.</summary>
public enum VoiFailureReason
{
    /// <summary>The object is not an RT Structure Set (or not a Segmentation) or lacks its mandatory sequences.</summary>
    WrongObject,

    /// <summary>The ROI's or SEG's Frame of Reference differs from the PET series'.</summary>
    FrameOfReferenceMismatch,

    /// <summary>A contour's plane is not the slice its Contour Image Sequence names, or a frame is not on a slice.</summary>
    SliceMismatch,

    /// <summary>A closed planar contour is not parallel to the PET slices, or a SEG frame is not on the PET grid.</summary>
    GridMismatch,

    /// <summary>The SEG does not reference the PET series.</summary>
    SeriesMismatch,

    /// <summary>FRACTIONAL segmentations, or pixel data other than 1-bit native.</summary>
    Unsupported,

    /// <summary>Malformed content: contour data of the wrong length, missing positions, short pixel data.</summary>
    Malformed,

    /// <summary>Nothing measurable: no closed planar contour or no segment with voxels on the PET volume.</summary>
    NoVois,
}
