namespace PacsNode.Dicom.Network.Upper;

/// <summary>The outcome of a successful negotiation, as both sides use it for the rest of the association.</summary>
public sealed record AssociationParameters
{
    public required string CallingAeTitle { get; init; }

    public required string CalledAeTitle { get; init; }

    /// <summary>The accepted presentation contexts by id.</summary>
    public required IReadOnlyDictionary<byte, AcceptedPresentationContext> PresentationContexts { get; init; }

    /// <summary>The largest P-DATA-TF PDU the peer receives; 0 means unlimited (PS3.8 D.1).</summary>
    public required uint PeerMaxPduLength { get; init; }

    /// <summary>The largest P-DATA-TF PDU we receive.</summary>
    public required uint OurMaxPduLength { get; init; }

    public string? PeerImplementationClassUid { get; init; }

    public string? PeerImplementationVersionName { get; init; }

    /// <summary>Role selections agreed, by SOP class UID.</summary>
    public IReadOnlyList<RoleSelection> RoleSelections { get; init; } = [];

    /// <summary>Extended negotiation the requestor sent, passed through for the service handlers.</summary>
    public IReadOnlyList<ExtendedNegotiation> ExtendedNegotiations { get; init; } = [];

    public UserIdentityRequest? UserIdentity { get; init; }
}
