using System.Globalization;
using PacsNode.TestKit;

namespace PacsNode.Interop.Tests.Node;

/// <summary>
/// `pacsnode serve` on a free port with a temp data folder, its C-MOVE destination "STORESCP" configured through
/// environment variables (PacsNode__Remotes__0__*), loaded with storescu.
/// </summary>
internal sealed class ServedNode : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("qrnode");
    private RunningTool? _node;

    public int Port { get; } = FreePort.Get();

    public int DestinationPort { get; } = FreePort.Get();

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    public string Address => $"PACSNODE@127.0.0.1:{PortText}";

    public TempDirectory Folder => _dir;

    public static async Task<ServedNode> StartAsync(IReadOnlyList<string> files, CancellationToken ct)
    {
        string storescu = RequiresTool.Dcmtk("storescu");
        var served = new ServedNode();
        var environment = new Dictionary<string, string?>
        {
            ["PACSNODE__STORAGE__DATAFOLDER"] = served._dir.Combine("data"),
            ["PACSNODE__LISTENER__PORT"] = served.PortText,
            ["PacsNode__Pipeline__Enabled"] = "false",
            ["PacsNode__Remotes__0__AeTitle"] = "STORESCP",
            ["PacsNode__Remotes__0__Host"] = "127.0.0.1",
            ["PacsNode__Remotes__0__Port"] = served.DestinationPort.ToString(CultureInfo.InvariantCulture),
        };
        served._node = PacsNodeCli.Start(["serve"], new ToolRunOptions { Environment = environment });
        await served._node.WaitForOutputAsync("accepting associations", ct);
        ToolResult store = await ExternalTool.RunAsync(storescu, ["-xs", "-aec", "PACSNODE", "127.0.0.1", served.PortText, .. files],
            cancellationToken: ct);
        store.AssertSuccess();
        return served;
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            _node.Terminate();
            await _node.DisposeAsync();
        }

        _dir.Dispose();
    }
}
