namespace PacsNode.StructuredReport.Content;

/// <summary>Value Type (0040,A040) of an SR content item (PS3.3 C.17.3.2.1); <see cref="Other"/> for those not modelled here.</summary>
public enum ContentValueType
{
    Container,
    Text,
    Code,
    Num,
    UidRef,
    DateTime,
    Date,
    Time,
    PName,
    Image,
    Composite,
    Other,
}
