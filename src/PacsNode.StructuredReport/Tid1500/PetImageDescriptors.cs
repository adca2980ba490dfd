using PacsNode.StructuredReport.Content;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// TID 1607 PET image library entry descriptors: Radionuclide (89457008, SCT), Radiopharmaceutical agent
/// (417881006, SCT), Half-life of radiopharmaceutical (304283002, SCT) in s, Radiopharmaceutical Start DateTime
/// (123003, DCM) and Radionuclide Total Dose (123006, DCM) in Bq.
/// </summary>
public sealed record PetImageDescriptors
{
    /// <summary>CID 4020, e.g. <see cref="Concepts.Fluorine18"/>, <see cref="Concepts.Zirconium89"/>.</summary>
    public required Code Radionuclide { get; init; }

    /// <summary>CID 4021, e.g. <see cref="Concepts.Fluorodeoxyglucose"/>.</summary>
    public required Code Radiopharmaceutical { get; init; }

    public required double HalfLifeSeconds { get; init; }

    /// <summary>The injection time as recorded in the PET header (no zone: DICOM DT without offset).</summary>
    public required DateTime RadiopharmaceuticalStartDateTime { get; init; }

    public required double TotalDoseBq { get; init; }
}
