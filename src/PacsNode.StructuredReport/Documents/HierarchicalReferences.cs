using PacsNode.Dicom.Data;

namespace PacsNode.StructuredReport.Documents;

/// <summary>
/// Reads a Hierarchical SOP Instance Reference Macro sequence (PS3.3 C.17.2.1: study → series → SOP), such as the
/// Predecessor Documents or Current Requested Procedure Evidence Sequence, into flat references; for callers that read
/// only an SR's header.
/// </summary>
public static class HierarchicalReferences
{
    public static IReadOnlyList<SopReference> Read(DicomSequence? sequence) => DocumentHeader.ReadHierarchical(sequence);
}
