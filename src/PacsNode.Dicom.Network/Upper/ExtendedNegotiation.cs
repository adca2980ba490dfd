namespace PacsNode.Dicom.Network.Upper;

/// <summary>An SOP class extended negotiation sub-item (PS3.7 D.3.3.5): service class specific bytes, passed through.</summary>
public sealed record ExtendedNegotiation(string SopClassUid, ReadOnlyMemory<byte> ServiceClassApplicationInformation);
