namespace PacsNode.Storage.Queries;

/// <summary>One stored instance to send for a C-MOVE or C-GET.</summary>
public sealed record RetrieveInstance(string SopClassUid, string SopInstanceUid, string TransferSyntaxUid, string FilePath);
