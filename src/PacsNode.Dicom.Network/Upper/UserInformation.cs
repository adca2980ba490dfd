namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// The user information item (PS3.8 9.3.2.3 and PS3.7 Annex D.3.3) of an A-ASSOCIATE-RQ or -AC. Sub-items of
/// unknown types are skipped when read, as PS3.8 9.3.1 asks.
/// </summary>
public sealed record UserInformation
{
    /// <summary>Maximum length of the P-DATA-TF PDUs the sender can receive; 0 means no limit (PS3.8 D.1).</summary>
    public uint? MaximumLength { get; init; }

    public string? ImplementationClassUid { get; init; }

    public string? ImplementationVersionName { get; init; }

    public AsynchronousOperationsWindow? AsynchronousOperationsWindow { get; init; }

    public IReadOnlyList<RoleSelection> RoleSelections { get; init; } = [];

    public IReadOnlyList<ExtendedNegotiation> ExtendedNegotiations { get; init; } = [];

    public IReadOnlyList<CommonExtendedNegotiation> CommonExtendedNegotiations { get; init; } = [];

    /// <summary>Only in an A-ASSOCIATE-RQ.</summary>
    public UserIdentityRequest? UserIdentity { get; init; }

    /// <summary>Only in an A-ASSOCIATE-AC: the server response of PS3.7 D.3.3.7.2.</summary>
    public ReadOnlyMemory<byte>? UserIdentityServerResponse { get; init; }
}
