namespace PacsNode.StructuredReport.Content;

/// <summary>Relationship Type (0040,A010) from a content item to its parent (PS3.3 C.17.3.2.4).</summary>
public enum RelationshipType
{
    Contains,
    HasProperties,
    HasObsContext,
    HasAcqContext,
    HasConceptMod,
    InferredFrom,
    SelectedFrom,
}
