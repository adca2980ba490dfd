using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace PacsNode.TestKit;

/// <summary>
/// An Orthanc (Debian package <c>orthanc</c>) started for a test or benchmark with a temporary JSON configuration:
/// HTTP on loopback only (RemoteAccessAllowed false), storage and index in a temporary folder, any calling AE may
/// store. Orthanc 1.10 has no setting to bind its DICOM port to loopback; the port is a free one chosen at start.
/// Peers it may query, retrieve from or store to go in <c>DicomModalities</c> (name → AE title, host, port); its REST
/// API is reached on <c>http://127.0.0.1:{HttpPort}/</c> through <see cref="CreateHttpClient"/>.
/// Disposing it kills the process and deletes the folder.
/// </summary>
public sealed class OrthancServer : IAsyncDisposable
{
    private readonly RunningTool _process;
    private readonly TempDirectory _folder;

    private OrthancServer(RunningTool process, TempDirectory folder, string aeTitle, int dicomPort, int httpPort)
    {
        _process = process;
        _folder = folder;
        AeTitle = aeTitle;
        DicomPort = dicomPort;
        HttpPort = httpPort;
    }

    public string AeTitle { get; }

    public int DicomPort { get; }

    public int HttpPort { get; }

    /// <summary>Where Orthanc keeps its files.</summary>
    public string StorageDirectory => _folder.Combine("storage");

    /// <summary>An HTTP client for the REST API, on loopback; the caller disposes it.</summary>
    public HttpClient CreateHttpClient() =>
        new() { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{HttpPort}/")) };

    /// <summary>
    /// Starts Orthanc and waits until its DICOM and HTTP ports accept connections; skips the test when it is not
    /// installed. <paramref name="modalities"/> become <c>DicomModalities</c>: the symbolic name used in REST paths
    /// (<c>/modalities/{name}/…</c>) mapped to the peer's AE title, host and port.
    /// </summary>
    public static async Task<OrthancServer> StartAsync(
        string aeTitle = "ORTHANC",
        int dicomThreads = 8,
        IReadOnlyDictionary<string, (string AeTitle, string Host, int Port)>? modalities = null,
        CancellationToken cancellationToken = default)
    {
        var executable = Tools.Find("Orthanc") ?? RequiresTool.OnPath("orthanc", "orthanc");
        var folder = new TempDirectory("orthanc");
        var dicomPort = FreePort.Get();
        var httpPort = FreePort.Get();
        var config = new Dictionary<string, object>
        {
            ["Name"] = "PacsNodeTest",
            ["StorageDirectory"] = folder.Combine("storage"),
            ["IndexDirectory"] = folder.Combine("index"),
            ["DicomAet"] = aeTitle,
            ["DicomPort"] = dicomPort,
            ["HttpPort"] = httpPort,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["DicomCheckCalledAet"] = false,
            ["DicomAlwaysAllowStore"] = true,
            ["DicomAlwaysAllowEcho"] = true,
            ["DicomThreadsCount"] = dicomThreads,
            ["StorageCompression"] = false,
            ["Plugins"] = Array.Empty<string>(),
            ["DicomModalities"] = (modalities ?? new Dictionary<string, (string AeTitle, string Host, int Port)>())
                .ToDictionary(m => m.Key, m => new object[] { m.Value.AeTitle, m.Value.Host, m.Value.Port }, StringComparer.Ordinal),
        };
        var configPath = folder.Combine("orthanc.json");
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(config), cancellationToken);
        var process = ExternalTool.Start(executable, [configPath],
            new ToolRunOptions { Timeout = TimeSpan.FromHours(1), LogToTestOutput = false });
        var server = new OrthancServer(process, folder, aeTitle, dicomPort, httpPort);
        try
        {
            await WaitForPortAsync(dicomPort, process, cancellationToken);
            await WaitForPortAsync(httpPort, process, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _folder.Dispose();
    }

    private static async Task WaitForPortAsync(int port, RunningTool process, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Orthanc exited at start:\n{process.StandardError}\n{process.StandardOutput}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Orthanc did not open port {port} within 30 s"));
    }
}
