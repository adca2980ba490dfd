namespace PacsNode.Dicom.Network.Scp;

/// <summary>Where a C-MOVE destination AE title is reached.</summary>
public sealed record MoveDestination(string AeTitle, string Host, int Port);
