namespace PacsNode.Dicom.Network.Upper;

/// <summary>The user identity negotiation sub-item of an A-ASSOCIATE-RQ (PS3.7 D.3.3.7.1).</summary>
public sealed record UserIdentityRequest(
    UserIdentityType Type, bool PositiveResponseRequested, ReadOnlyMemory<byte> PrimaryField, ReadOnlyMemory<byte> SecondaryField);
