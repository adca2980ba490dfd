using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacsNode.Host.Commands;
using PacsNode.Host.Options;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Host.Tests.Configuration;

public sealed class NodeHostRemotesTests : IDisposable
{
    private readonly TempDirectory _temp = new("node-remotes");

    [Fact]
    public void CreateBuilder_RemotesFromFileAndCommandLine_AreBoundInOrderFileFirst()
    {
        var file = _temp.Combine("remotes.json");
        File.WriteAllText(file, """{ "PacsNode": { "Remotes": [ { "AeTitle": "FILEPEER", "Host": "10.0.0.5", "Port": 104 } ] } }""");

        using var host = NodeHost.CreateBuilder(file, null, [new PeerAddress("CLIPEER", "127.0.0.1", 11113)]).Build();
        var remotes = host.Services.GetRequiredService<IOptions<RemotesOptions>>().Value.Remotes;

        Assert.Equal(
            [("FILEPEER", "10.0.0.5", 104), ("CLIPEER", "127.0.0.1", 11113)],
            remotes.Select(r => (r.AeTitle, r.Host, r.Port)));
    }

    [Fact]
    public void CreateBuilder_CommandLineOverride_WinsOverTheFile()
    {
        var file = _temp.Combine("port.json");
        File.WriteAllText(file, """{ "PacsNode": { "Listener": { "Port": 4000 } } }""");

        using var host = NodeHost.CreateBuilder(
            file, new Dictionary<string, string?> { ["PacsNode:Listener:Port"] = "4001" }, null).Build();

        Assert.Equal(4001, host.Services.GetRequiredService<IOptions<ListenerOptions>>().Value.Port);
    }

    public void Dispose() => _temp.Dispose();
}
