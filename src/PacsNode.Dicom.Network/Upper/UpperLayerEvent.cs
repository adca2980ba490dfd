namespace PacsNode.Dicom.Network.Upper;

/// <summary>The upper layer events of PS3.8 table 9-2.</summary>
public enum UpperLayerEvent
{
    /// <summary>A-ASSOCIATE request (local user).</summary>
    Evt1 = 1,

    /// <summary>Transport connect confirmation (local transport service).</summary>
    Evt2 = 2,

    /// <summary>A-ASSOCIATE-AC PDU received.</summary>
    Evt3 = 3,

    /// <summary>A-ASSOCIATE-RJ PDU received.</summary>
    Evt4 = 4,

    /// <summary>Transport connection indication (local transport service).</summary>
    Evt5 = 5,

    /// <summary>A-ASSOCIATE-RQ PDU received.</summary>
    Evt6 = 6,

    /// <summary>A-ASSOCIATE response primitive (accept).</summary>
    Evt7 = 7,

    /// <summary>A-ASSOCIATE response primitive (reject).</summary>
    Evt8 = 8,

    /// <summary>P-DATA request primitive.</summary>
    Evt9 = 9,

    /// <summary>P-DATA-TF PDU received.</summary>
    Evt10 = 10,

    /// <summary>A-RELEASE request primitive.</summary>
    Evt11 = 11,

    /// <summary>A-RELEASE-RQ PDU received.</summary>
    Evt12 = 12,

    /// <summary>A-RELEASE-RP PDU received.</summary>
    Evt13 = 13,

    /// <summary>A-RELEASE response primitive.</summary>
    Evt14 = 14,

    /// <summary>A-ABORT request primitive.</summary>
    Evt15 = 15,

    /// <summary>A-ABORT PDU received.</summary>
    Evt16 = 16,

    /// <summary>Transport connection closed indication (local transport service).</summary>
    Evt17 = 17,

    /// <summary>ARTIM timer expired.</summary>
    Evt18 = 18,

    /// <summary>Unrecognized or invalid PDU received.</summary>
    Evt19 = 19,
}
