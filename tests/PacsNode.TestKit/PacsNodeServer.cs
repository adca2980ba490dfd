using System.Globalization;

namespace PacsNode.TestKit;

/// <summary>
/// A <c>pacsnode serve</c> process on a free port with its own data folder, started and waited for (the log line
/// "accepting associations"); extra settings go in as environment variables (<c>PacsNode__Access__…</c>). Disposing
/// it kills the process (use <see cref="StopAsync"/> for SIGTERM).
/// </summary>
public sealed class PacsNodeServer : IAsyncDisposable
{
    private PacsNodeServer(RunningTool process, string dataFolder, int port, string aeTitle)
    {
        Process = process;
        DataFolder = dataFolder;
        Port = port;
        AeTitle = aeTitle;
    }

    public RunningTool Process { get; }

    public string DataFolder { get; }

    public int Port { get; }

    public string AeTitle { get; }

    /// <summary>The port as text, for command lines.</summary>
    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>AE@127.0.0.1:port</c>, as <c>pacsnode echo</c> and <c>send</c> take it.</summary>
    public string Address => $"{AeTitle}@127.0.0.1:{PortText}";

    public static async Task<PacsNodeServer> StartAsync(
        string dataFolder,
        IReadOnlyDictionary<string, string?>? settings = null,
        int? port = null,
        string aeTitle = "PACSNODE",
        CancellationToken cancellationToken = default)
    {
        var chosen = port ?? FreePort.Get();
        var environment = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.Ordinal)
        {
            ["PacsNode__Listener__AeTitle"] = aeTitle,
        };

        // The auto-processing pipeline adds SR/SEG results to a study once it is quiet; tests of the store and of
        // Q/R count instances, so it is off unless the test configures it (any PacsNode__Pipeline__ setting).
        if (!environment.Keys.Any(k => k.StartsWith("PacsNode__Pipeline__", StringComparison.OrdinalIgnoreCase)))
        {
            environment["PacsNode__Pipeline__Enabled"] = "false";
        }
        var process = PacsNodeCli.Start(
            ["serve", "--port", chosen.ToString(CultureInfo.InvariantCulture), "--data", dataFolder],
            new ToolRunOptions { Environment = environment, Timeout = TimeSpan.FromMinutes(30) });
        try
        {
            await process.WaitForOutputAsync("accepting associations", cancellationToken);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new PacsNodeServer(process, dataFolder, chosen, aeTitle);
    }

    /// <summary>Sends SIGTERM and waits for the exit.</summary>
    public async Task<ToolResult> StopAsync(CancellationToken cancellationToken = default)
    {
        Process.Terminate();
        return await Process.WaitForExitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
