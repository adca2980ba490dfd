namespace PacsNode.Dicom.Network.Upper;

/// <summary>The upper layer states of PS3.8 table 9-1.</summary>
public enum UpperLayerState
{
    /// <summary>Idle.</summary>
    Sta1 = 1,

    /// <summary>Transport connection open (awaiting A-ASSOCIATE-RQ PDU).</summary>
    Sta2 = 2,

    /// <summary>Awaiting local A-ASSOCIATE response primitive.</summary>
    Sta3 = 3,

    /// <summary>Awaiting transport connection opening to complete.</summary>
    Sta4 = 4,

    /// <summary>Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU.</summary>
    Sta5 = 5,

    /// <summary>Association established and ready for data transfer.</summary>
    Sta6 = 6,

    /// <summary>Awaiting A-RELEASE-RP PDU.</summary>
    Sta7 = 7,

    /// <summary>Awaiting local A-RELEASE response primitive.</summary>
    Sta8 = 8,

    /// <summary>Release collision requestor side; awaiting A-RELEASE response primitive.</summary>
    Sta9 = 9,

    /// <summary>Release collision acceptor side; awaiting A-RELEASE-RP PDU.</summary>
    Sta10 = 10,

    /// <summary>Release collision requestor side; awaiting A-RELEASE-RP PDU.</summary>
    Sta11 = 11,

    /// <summary>Release collision acceptor side; awaiting A-RELEASE response primitive.</summary>
    Sta12 = 12,

    /// <summary>Awaiting Transport Connection Close Indication.</summary>
    Sta13 = 13,
}
