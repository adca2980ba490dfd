namespace PacsNode.Dicom.Network.Upper;

/// <summary>An SOP class common extended negotiation sub-item (PS3.7 D.3.3.6).</summary>
public sealed record CommonExtendedNegotiation(
    string SopClassUid, string ServiceClassUid, IReadOnlyList<string> RelatedGeneralSopClassUids);
