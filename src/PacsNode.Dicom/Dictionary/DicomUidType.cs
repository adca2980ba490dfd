namespace PacsNode.Dicom.Dictionary;

/// <summary>The UID types of PS3.6 table A-1.</summary>
public enum DicomUidType
{
    Unknown = 0,
    TransferSyntax,
    SopClass,
    MetaSopClass,
    WellKnownSopInstance,
    WellKnownFrameOfReference,
    ApplicationContextName,
    ApplicationHostingModel,
    CodingScheme,
    ServiceClass,
    MappingResource,
    LdapOid,
    SynchronizationFrameOfReference,
    Other,
}
