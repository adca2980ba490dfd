namespace PacsNode.Dicom.Network.Upper;

/// <summary>The upper layer actions of PS3.8 tables 9-6 to 9-9 (AE-n, DT-n, AR-n, AA-n).</summary>
public enum UpperLayerAction
{
    /// <summary>No entry in table 9-10: the event is not allowed in the state.</summary>
    None = 0,

    /// <summary>AE-1: Issue TRANSPORT CONNECT request primitive to local transport service; next Sta4.</summary>
    AE1,

    /// <summary>AE-2: Send A-ASSOCIATE-RQ PDU; next Sta5.</summary>
    AE2,

    /// <summary>AE-3: Issue A-ASSOCIATE confirmation (accept) primitive; next Sta6.</summary>
    AE3,

    /// <summary>AE-4: Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection; next Sta1.</summary>
    AE4,

    /// <summary>AE-5: Issue Transport connection response primitive; start ARTIM timer; next Sta2.</summary>
    AE5,

    /// <summary>AE-6: Stop ARTIM timer and issue A-ASSOCIATE indication primitive; next Sta3 (the acceptability check is the negotiator's, answered with Evt7 or Evt8).</summary>
    AE6,

    /// <summary>AE-7: Send A-ASSOCIATE-AC PDU; next Sta6.</summary>
    AE7,

    /// <summary>AE-8: Send A-ASSOCIATE-RJ PDU and start ARTIM timer; next Sta13.</summary>
    AE8,

    /// <summary>DT-1: Send P-DATA-TF PDU; next Sta6.</summary>
    DT1,

    /// <summary>DT-2: Send P-DATA indication primitive; next Sta6.</summary>
    DT2,

    /// <summary>AR-1: Send A-RELEASE-RQ PDU; next Sta7.</summary>
    AR1,

    /// <summary>AR-2: Issue A-RELEASE indication primitive; next Sta8.</summary>
    AR2,

    /// <summary>AR-3: Issue A-RELEASE confirmation primitive, and close transport connection; next Sta1.</summary>
    AR3,

    /// <summary>AR-4: Issue A-RELEASE-RP PDU and start ARTIM timer; next Sta13.</summary>
    AR4,

    /// <summary>AR-5: Stop ARTIM timer; next Sta1.</summary>
    AR5,

    /// <summary>AR-6: Issue P-DATA indication; next Sta7.</summary>
    AR6,

    /// <summary>AR-7: Issue P-DATA-TF PDU; next Sta8.</summary>
    AR7,

    /// <summary>AR-8: Issue A-RELEASE indication (release collision); next Sta9 for the requestor, Sta10 for the acceptor.</summary>
    AR8,

    /// <summary>AR-9: Send A-RELEASE-RP PDU; next Sta11.</summary>
    AR9,

    /// <summary>AR-10: Issue A-RELEASE confirmation primitive; next Sta12.</summary>
    AR10,

    /// <summary>AA-1: Send A-ABORT PDU (service-user source) and start (or restart) ARTIM timer; next Sta13.</summary>
    AA1,

    /// <summary>AA-2: Stop ARTIM timer if running and close transport connection; next Sta1.</summary>
    AA2,

    /// <summary>AA-3: Issue A-ABORT or A-P-ABORT indication and close transport connection; next Sta1.</summary>
    AA3,

    /// <summary>AA-4: Issue A-P-ABORT indication primitive; next Sta1.</summary>
    AA4,

    /// <summary>AA-5: Stop ARTIM timer; next Sta1.</summary>
    AA5,

    /// <summary>AA-6: Ignore PDU; next Sta13.</summary>
    AA6,

    /// <summary>AA-7: Send A-ABORT PDU; next Sta13.</summary>
    AA7,

    /// <summary>AA-8: Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start ARTIM timer; next Sta13.</summary>
    AA8,
}
