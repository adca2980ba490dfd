namespace PacsNode.Dicom.Network.Upper;

/// <summary>The result field of an A-ASSOCIATE-RJ PDU (PS3.8 table 9-21).</summary>
public enum RejectResult : byte
{
    Permanent = 1,
    Transient = 2,
}
