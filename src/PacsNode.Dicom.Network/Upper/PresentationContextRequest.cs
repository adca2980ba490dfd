namespace PacsNode.Dicom.Network.Upper;

/// <summary>A presentation context item of an A-ASSOCIATE-RQ (PS3.8 9.3.2.2): an odd id, one abstract syntax and
/// the transfer syntaxes the requestor proposes, in its order of preference.</summary>
public sealed record PresentationContextRequest(byte Id, string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes);
