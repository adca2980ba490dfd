namespace PacsNode.Dicom.Network.Upper;

/// <summary>The source field of an A-ASSOCIATE-RJ PDU (PS3.8 table 9-21).</summary>
public enum RejectSource : byte
{
    ServiceUser = 1,
    ServiceProviderAcse = 2,
    ServiceProviderPresentation = 3,
}
