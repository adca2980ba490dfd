namespace PacsNode.Dicom.Network.Dimse;

/// <summary>
/// A stored instance to send as a C-STORE (a C-MOVE or C-GET sub-operation, or a plain store): a Part 10 file whose
/// dataset is in <paramref name="TransferSyntaxUid"/>.
/// </summary>
public sealed record InstanceFile(string SopClassUid, string SopInstanceUid, string TransferSyntaxUid, string FilePath);
