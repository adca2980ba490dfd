namespace PacsNode.StructuredReport.Documents;

/// <summary>
/// An item of the Coding Scheme Identification Sequence (0008,0110): declares a private coding scheme used in the
/// document (PS3.3 C.12.1.1.2.1; private designators start with "99").
/// </summary>
public sealed record CodingSchemeDeclaration(string Designator, string Name, string ResponsibleOrganization, string? Version = null)
{
    /// <summary>The node's own scheme for concepts DICOM has no code for (HER2-PET class, response categories, not-quantified reasons).</summary>
    public static CodingSchemeDeclaration PacsNode { get; } =
        new("99PACSNODE", "PacsNode private codes", "PacsNode project");
}
