namespace PacsNode.Quantification.Vois;

/// <summary>Where a VOI came from: found automatically, or drawn by a reader in an RTSTRUCT or a SEG.</summary>
public enum VoiSource
{
    /// <summary>An automatically detected lesion (DOMAIN.md section 4).</summary>
    Auto,

    /// <summary>A closed-planar ROI of an RT Structure Set rasterised onto the PET grid.</summary>
    RtStruct,

    /// <summary>A segment of a binary DICOM Segmentation on the PET grid.</summary>
    Seg,
}
