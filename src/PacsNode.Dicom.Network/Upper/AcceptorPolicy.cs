namespace PacsNode.Dicom.Network.Upper;

/// <summary>What an association acceptor agrees to: the inputs of <see cref="AssociationNegotiator"/>.</summary>
public sealed record AcceptorPolicy
{
    /// <summary>Our AE title; a request calling another is rejected (called AE title not recognized).</summary>
    public required string AeTitle { get; init; }

    /// <summary>Calling AE titles allowed to associate; null accepts any.</summary>
    public IReadOnlySet<string>? AllowedCallingAeTitles { get; init; }

    /// <summary>Each abstract syntax we support, with the transfer syntaxes we accept in our order of preference.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> AbstractSyntaxes { get; init; }

    /// <summary>The largest P-DATA-TF PDU we receive, announced in the AC.</summary>
    public uint MaxPduLength { get; init; } = 128 * 1024;

    /// <summary>
    /// Whether a requestor's SCP/SCU role selection proposals are accepted as proposed (C-GET needs the requestor
    /// to be the storage SCP). When false the sub-items are left out of the AC, which keeps the default roles.
    /// </summary>
    public bool AcceptProposedRoles { get; init; } = true;

    /// <summary>
    /// Decides user identity negotiation (PS3.7 D.3.3.7): null ignores it; otherwise a request carrying an
    /// identity this function refuses is rejected (permanent, service user, no reason given).
    /// </summary>
    public Func<UserIdentityRequest, bool>? UserIdentityValidator { get; init; }

    /// <summary>Whether a request without user identity is refused when a validator is configured.</summary>
    public bool RequireUserIdentity { get; init; }

    /// <summary>
    /// Set by the listener: asked last, once a request is otherwise acceptable, to take one of its association slots.
    /// False answers a transient rejection, presentation provider, local limit exceeded (PS3.8 table 9-21), so
    /// connections that never associate (idle, garbage) never hold a slot.
    /// </summary>
    internal Func<bool>? TryReserveSlot { get; init; }

    public string ImplementationClassUid { get; init; } = DicomImplementation.ClassUid;

    public string ImplementationVersionName { get; init; } = DicomImplementation.VersionName;
}
