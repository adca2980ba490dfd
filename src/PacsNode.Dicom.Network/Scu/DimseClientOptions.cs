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

    public AssociationOptions Association { get; init; } = AssociationOptions.Default;

    public string TempDirectory { get; init; } = Path.GetTempPath();
}
