namespace PacsNode.StructuredReport.Documents;

/// <summary>
/// One instance named with its study and series (the Hierarchical SOP Instance Reference Macro, PS3.3 C.17.2.1):
/// used for the Current Requested Procedure Evidence Sequence and the Predecessor Documents Sequence.
/// </summary>
public sealed record SopReference(string StudyInstanceUid, string SeriesInstanceUid, string SopClassUid, string SopInstanceUid);
