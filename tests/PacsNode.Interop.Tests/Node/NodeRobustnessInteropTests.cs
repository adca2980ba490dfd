using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using PacsNode.Dicom.Network.Upper;
using PacsNode.TestKit;
using Xunit;
using static PacsNode.Interop.Tests.Node.NodeTools;

namespace PacsNode.Interop.Tests.Node;

/// <summary>
/// Hostile and broken peers against a running <c>pacsnode serve</c>: after each, the node is still up and DCMTK's echoscu
/// still succeeds. The node runs with short timers (ARTIM 2 s, idle 3 s) so abandoned connections are closed quickly.
/// </summary>
[Trait("Category", "Interop")]
public sealed class NodeRobustnessInteropTests
{
    private static readonly Dictionary<string, string?> ShortTimers = new()
    {
        ["PacsNode__Listener__ArtimTimeoutSeconds"] = "2",
        ["PacsNode__Listener__IdleTimeoutSeconds"] = "3",
    };

    public static TheoryData<string> Garbage => ["random", "http", "4gb", "truncated-pdata"];

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Garbage_FromAPeer_IsClosedAndTheNodeKeepsServing(string kind)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("robust");
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"), ShortTimers, cancellationToken: ct);

        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", node.Port, ct);
        NetworkStream stream = client.GetStream();
        switch (kind)
        {
            case "random":
                var random = new byte[4096];
                new Random(1234).NextBytes(random);
                random[0] = 0x55;
                await stream.WriteAsync(random, ct);
                break;
            case "http":
                await stream.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), ct);
                break;
            case "4gb":
                // An A-ASSOCIATE-RQ header that claims 0xFFFFFFFF bytes follow: refused from the header alone.
                await stream.WriteAsync(new byte[] { 0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01 }, ct);
                break;
            case "truncated-pdata":
                await AssociateAsync(stream, node.AeTitle, ct);
                var header = new byte[6 + 4 + 2];
                header[0] = 0x04;
                BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(2), 1000);
                BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(6), 996);
                header[10] = 1;
                header[11] = 0x03;
                await stream.WriteAsync(header, ct);
                await stream.WriteAsync(new byte[10], ct);
                break;
        }

        var stopwatch = Stopwatch.StartNew();
        byte[] answer = await ReadUntilClosedAsync(stream, TimeSpan.FromSeconds(15), ct);
        (await EchoscuAsync(node, ct)).AssertSuccess();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.False(node.Process.HasExited);
        if (kind is "random" or "http" or "4gb")
        {
            // An A-ABORT (type 7, length 4) and nothing else: PS3.8 table 9-10 answers an invalid PDU in Sta2 with AA-1.
            Assert.Equal(10, answer.Length);
            Assert.Equal(new byte[] { 0x07, 0, 0, 0, 0, 4 }, answer[..6]);
        }
    }

    [Fact]
    public async Task HundredIdleConnections_DoNotBlockEchoscuAndAreClosedAfterTheArtimTimeout()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("robust-idle");
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"), ShortTimers, cancellationToken: ct);
        var idle = new List<TcpClient>();
        try
        {
            for (int i = 0; i < 100; i++)
            {
                var client = new TcpClient();
                idle.Add(client);
                await client.ConnectAsync("127.0.0.1", node.Port, ct);
            }

            (await EchoscuAsync(node, ct)).AssertSuccess();
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(idle.Select(c => ReadUntilClosedAsync(c.GetStream(), TimeSpan.FromSeconds(20), ct)));

            Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
            (await EchoscuAsync(node, ct)).AssertSuccess();
        }
        finally
        {
            foreach (TcpClient client in idle)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task AssociatedButSilent_IsAbortedAfterTheIdleTimeout()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("robust-silent");
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"), ShortTimers, cancellationToken: ct);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", node.Port, ct);
        await AssociateAsync(client.GetStream(), node.AeTitle, ct);

        var stopwatch = Stopwatch.StartNew();
        byte[] answer = await ReadUntilClosedAsync(client.GetStream(), TimeSpan.FromSeconds(20), ct);

        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        Assert.Equal(0x07, answer[0]);
        (await EchoscuAsync(node, ct)).AssertSuccess();
    }

    /// <summary>Sends an A-ASSOCIATE-RQ for Verification and reads the A-ASSOCIATE-AC.</summary>
    private static async Task AssociateAsync(NetworkStream stream, string called, CancellationToken ct)
    {
        byte[] request = PduWriter.ToArray(new AAssociateRqPdu(called, "RAWPEER",
            [new PresentationContextRequest(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"])],
            new UserInformation { MaximumLength = 16384, ImplementationClassUid = "1.2.3.4" }));
        await stream.WriteAsync(request, ct);
        var header = new byte[6];
        await stream.ReadExactlyAsync(header, ct);
        Assert.Equal(0x02, header[0]);
        await stream.ReadExactlyAsync(new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2))], ct);
    }

    /// <summary>Everything the node sends until it closes the connection; fails if it is still open after <paramref name="limit"/>.</summary>
    private static async Task<byte[]> ReadUntilClosedAsync(NetworkStream stream, TimeSpan limit, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        using var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer.AsSpan(0, read));
            }
        }
        catch (IOException)
        {
            // A reset after the abort is a close too.
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Assert.Fail($"the node left the connection open for {limit}");
        }

        return received.ToArray();
    }
}
