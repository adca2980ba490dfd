using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Suv;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Pipeline.Reporting;

/// <summary>
/// TID 1607 PET descriptors for the Image Library: the radionuclide and radiopharmaceutical codes as the PET header
/// gives them (Radiopharmaceutical Information Sequence), the half-life, dose and injection time as the SUV calculator
/// resolved them (so the report states what the SUVs were computed with). Null, with the reason, when the header has no
/// code for either: the report then carries no descriptors rather than an invented code.
/// </summary>
internal static class PetDescriptorReader
{
    public static PetImageDescriptors? Read(DicomDataset petHeader, SuvProvenance provenance, out string? missing)
    {
        DicomDataset? info = petHeader.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence)?.Items.FirstOrDefault();
        Code? nuclide = CodeOf(info?.GetSequence(DicomTag.RadionuclideCodeSequence)?.Items.FirstOrDefault());
        Code? agent = CodeOf(info?.GetSequence(DicomTag.RadiopharmaceuticalCodeSequence)?.Items.FirstOrDefault());
        if (nuclide is null || agent is null || provenance.HalfLifeSeconds is not { } halfLife || provenance.DoseBq is not { } dose
            || provenance.InjectionTime is not { } injected)
        {
            missing = "no PET descriptors in the Image Library: the header lacks " + string.Join(", ", new[]
            {
                nuclide is null ? "a Radionuclide Code Sequence" : null,
                agent is null ? "a Radiopharmaceutical Code Sequence" : null,
                provenance.HalfLifeSeconds is null ? "a half-life" : null,
                provenance.DoseBq is null ? "a total dose" : null,
                provenance.InjectionTime is null ? "an injection time" : null,
            }.Where(s => s is not null));
            return null;
        }

        missing = null;
        return new PetImageDescriptors
        {
            Radionuclide = nuclide,
            Radiopharmaceutical = agent,
            HalfLifeSeconds = halfLife,
            TotalDoseBq = dose,
            RadiopharmaceuticalStartDateTime = injected,
        };
    }

    private static Code? CodeOf(DicomDataset? item)
    {
        string? value = item?.GetString(DicomTag.CodeValue);
        string? scheme = item?.GetString(DicomTag.CodingSchemeDesignator);
        string? meaning = item?.GetString(DicomTag.CodeMeaning);
        return string.IsNullOrEmpty(value) || string.IsNullOrEmpty(scheme) || string.IsNullOrEmpty(meaning)
            ? null
            : new Code(value, scheme, meaning, item!.GetString(DicomTag.CodingSchemeVersion));
    }
}
