using Microsoft.Extensions.Configuration;

namespace PacsNode.Host.Options;

/// <summary>
/// The remote AEs the node knows, bound from the array <c>PacsNode:Remotes</c>
/// (<c>[{ "AeTitle": "VIEWER", "Host": "10.0.0.5", "Port": 104 }]</c>, or environment variables
/// <c>PacsNode__Remotes__0__AeTitle</c> etc.). A C-MOVE to an AE title not listed is refused with A801.
/// </summary>
internal sealed class RemotesOptions
{
    public const string SectionName = "PacsNode:Remotes";

    public List<RemoteAeOptions> Remotes { get; } = [];

    /// <summary>Binds the array section (the options binder binds objects, not a root array).</summary>
    public static void Bind(RemotesOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.GetSection(SectionName).Bind(options.Remotes);
    }
}
