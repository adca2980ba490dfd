using PacsNode.StructuredReport.Content;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// A TID 1601 Image Library Group (126200, DCM): the images of one series with the descriptors they share
/// (TID 1602: modality, study date, frame of reference; TID 1607 PET descriptors when <see cref="Pet"/> is set).
/// </summary>
public sealed record ImageLibraryGroup
{
    /// <summary>Modality (121139, DCM) as a DCM code, e.g. <see cref="Concepts.ModalityPet"/>.</summary>
    public required Code Modality { get; init; }

    public required string SeriesInstanceUid { get; init; }

    public string? FrameOfReferenceUid { get; init; }

    /// <summary>The images, each an IMAGE content item (SOP Class and Instance UID).</summary>
    public required IReadOnlyList<ImageReference> Images { get; init; }

    public PetImageDescriptors? Pet { get; init; }
}
