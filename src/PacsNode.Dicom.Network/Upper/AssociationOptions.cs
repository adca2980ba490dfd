namespace PacsNode.Dicom.Network.Upper;

/// <summary>Timers and limits of one association, either side.</summary>
public sealed record AssociationOptions
{
    public static AssociationOptions Default { get; } = new();

    /// <summary>The ARTIM timer (PS3.8 9.1.5): how long to wait for an A-ASSOCIATE-RQ, or for the peer to close.</summary>
    public TimeSpan ArtimTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a read may wait for the next PDU once associated before the association is aborted.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest P-DATA-TF PDU we receive, when we are the requestor (the acceptor's comes from its policy).</summary>
    public uint MaxPduLength { get; init; } = 128 * 1024;

    /// <summary>Fragment size used when the peer announces 0 (no limit).</summary>
    public uint UnlimitedPeerFragmentLength { get; init; } = 1024 * 1024;
}
