using System.Net.Security;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scu;

/// <summary>Whom a <see cref="DimseClient"/> calls and what it proposes.</summary>
public sealed record DimseClientOptions
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public required string CalledAeTitle { get; init; }

    public string CallingAeTitle { get; init; } = "PACSNODE";

    /// <summary>Abstract syntax → transfer syntaxes proposed, in order of preference.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> PresentationContexts { get; init; }

    /// <summary>
    /// SCP/SCU role selection proposals (PS3.7 D.3.3.4). For C-GET, propose the SCP role for each storage SOP class
    /// expected back, e.g. <c>new RoleSelection(petStorage, false, true)</c>, and list the class in the contexts too.
    /// </summary>
    public IReadOnlyList<RoleSelection> RoleSelections { get; init; } = [];

    /// <summary>
    /// Further contexts proposed after <see cref="PresentationContexts"/>, for an abstract syntax that needs more than one
    /// (storescu's way: one context per SOP class and stored transfer syntax, so the acceptor cannot pick one syntax for
    /// files stored in several).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> AdditionalPresentationContexts { get; init; } = [];

    public AssociationOptions Association { get; init; } = AssociationOptions.Default;

    public string TempDirectory { get; init; } = Path.GetTempPath();

    /// <summary>When set, the association runs over TLS (PS3.15 B.1); build it with <see cref="DicomTls.Client"/>.</summary>
    public SslClientAuthenticationOptions? Tls { get; init; }

    /// <summary>User identity to send (PS3.7 D.3.3.7), or null for none.</summary>
    public UserIdentityRequest? UserIdentity { get; init; }
}
