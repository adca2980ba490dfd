namespace PacsNode.Dicom.Network.Upper;

/// <summary>A presentation context both sides agreed on: the id, the abstract syntax and the one transfer syntax.</summary>
public sealed record AcceptedPresentationContext(byte Id, string AbstractSyntax, string TransferSyntax);
