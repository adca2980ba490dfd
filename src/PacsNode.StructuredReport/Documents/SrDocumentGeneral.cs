using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.StructuredReport.Content;

namespace PacsNode.StructuredReport.Documents;

/// <summary>
/// SR Document Series and SR Document General modules (PS3.3 C.17.1, C.17.2) and the Coding Scheme Identification
/// Sequence: a machine-made report is COMPLETE and UNVERIFIED (no person has signed it).
/// </summary>
internal static class SrDocumentGeneral
{
    public static void Write(
        DicomDataset dataset, IReadOnlyList<SopReference> evidence, IReadOnlyList<SopReference> predecessors,
        IReadOnlyList<CodingSchemeDeclaration> schemes)
    {
        // SR Document Series: Referenced Performed Procedure Step Sequence is Type 2 (empty: no MPPS).
        Elements.EmptySequence(dataset, DicomTag.ReferencedPerformedProcedureStepSequence);
        dataset.SetString(DicomTag.CompletionFlag, DicomVR.CS, "COMPLETE");
        dataset.SetString(DicomTag.VerificationFlag, DicomVR.CS, "UNVERIFIED");

        // Type 2: the procedure codes come from an order the node does not have.
        Elements.EmptySequence(dataset, DicomTag.PerformedProcedureCodeSequence);
        if (predecessors.Count > 0)
        {
            Elements.Sequence(dataset, DicomTag.PredecessorDocumentsSequence, DocumentHeader.Hierarchical(predecessors, dataset));
        }

        if (evidence.Count > 0)
        {
            Elements.Sequence(dataset, DicomTag.CurrentRequestedProcedureEvidenceSequence, DocumentHeader.Hierarchical(evidence, dataset));
        }

        if (schemes.Count > 0)
        {
            Elements.Sequence(dataset, DicomTag.CodingSchemeIdentificationSequence, schemes.Select(s => SchemeItem(s, dataset)).ToList());
        }
    }

    private static DicomDataset SchemeItem(CodingSchemeDeclaration scheme, DicomDataset parent)
    {
        DicomDataset item = Elements.Item(parent);
        item.SetString(DicomTag.CodingSchemeDesignator, DicomVR.SH, scheme.Designator);
        item.SetString(DicomTag.CodingSchemeName, DicomVR.ST, scheme.Name);
        item.SetString(DicomTag.CodingSchemeResponsibleOrganization, DicomVR.ST, scheme.ResponsibleOrganization);
        if (scheme.Version is not null)
        {
            item.SetString(DicomTag.CodingSchemeVersion, DicomVR.SH, scheme.Version);
        }

        return item;
    }
}
