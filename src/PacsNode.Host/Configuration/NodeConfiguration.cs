using Microsoft.Extensions.Configuration;

namespace PacsNode.Host.Configuration;

/// <summary>
/// Where the node's settings come from, lowest priority first: the defaults embedded in the program
/// (<c>config/appsettings.json</c>), the <c>appsettings.json</c> next to the program, the file given with
/// <c>--config</c>, then environment variables (<c>PACSNODE__LISTENER__PORT=11113</c> sets
/// <c>PacsNode:Listener:Port</c>). Nothing is read from the working directory and nothing is reloaded.
/// </summary>
internal static class NodeConfiguration
{
    /// <summary>The manifest name of the embedded copy of <c>config/appsettings.json</c>.</summary>
    public const string EmbeddedDefaultsName = "PacsNode.Host.appsettings.json";

    public const string FileName = "appsettings.json";

    public static void Apply(IConfigurationBuilder configuration, string? configFile)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Clear();
        configuration.AddJsonStream(new MemoryStream(ReadEmbeddedDefaults(), writable: false));
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, FileName), optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            configuration.AddJsonFile(configFile, optional: false, reloadOnChange: false);
        }

        configuration.AddEnvironmentVariables();
    }

    /// <summary>The bytes of the embedded defaults.</summary>
    public static byte[] ReadEmbeddedDefaults()
    {
        using var stream = typeof(NodeConfiguration).Assembly.GetManifestResourceStream(EmbeddedDefaultsName)
            ?? throw new InvalidOperationException($"The embedded resource {EmbeddedDefaultsName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
