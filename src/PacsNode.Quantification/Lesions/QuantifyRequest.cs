using PacsNode.Dicom.Data;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Lesions;

/// <summary>What to quantify on a PET series: reader-defined VOIs (an RTSTRUCT or a SEG) or automatic detection.</summary>
public sealed record QuantifyRequest
{
    /// <summary>An RT Structure Set whose ROIs are measured instead of detecting lesions.</summary>
    public DicomDataset? RtStruct { get; init; }

    /// <summary>A binary Segmentation (read with its pixel data) whose segments are measured instead of detecting lesions.</summary>
    public DicomDataset? Seg { get; init; }

    /// <summary>A reader's liver reference centre; null to search for it.</summary>
    public PatientVector? LiverCentre { get; init; }

    public LesionDetectionOptions Detection { get; init; } = new();

    public SuvOptions? Suv { get; init; }
}
