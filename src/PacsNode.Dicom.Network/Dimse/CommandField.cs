namespace PacsNode.Dicom.Network.Dimse;

/// <summary>The Command Field (0000,0100) values of PS3.7 table E.1-1.</summary>
public enum CommandField : ushort
{
    CStoreRq = 0x0001,
    CStoreRsp = 0x8001,
    CGetRq = 0x0010,
    CGetRsp = 0x8010,
    CFindRq = 0x0020,
    CFindRsp = 0x8020,
    CMoveRq = 0x0021,
    CMoveRsp = 0x8021,
    CEchoRq = 0x0030,
    CEchoRsp = 0x8030,
    CCancelRq = 0x0FFF,
}
