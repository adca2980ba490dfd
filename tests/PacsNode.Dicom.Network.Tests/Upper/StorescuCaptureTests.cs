using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Upper;

/// <summary>Checks the hand-built golden against the bytes DCMTK's storescu really sends.</summary>
[Trait("Category", "Interop")]
public sealed class StorescuCaptureTests
{
    [Fact]
    public async Task StorescuRequest_CapturedFromDcmtk_EqualsGolden()
    {
        string storescu = RequiresTool.Dcmtk("storescu");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        string file = TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "RS", "RS_dro_0_0.dcm");

        Task<ToolResult> running = ExternalTool.RunAsync(storescu,
            ["-R", "-aet", "STORESCU", "-aec", "ANY-SCP", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), file], null, ct);
        byte[]? captured;
        await using (var peer = RawPeer.FromSocket(await listener.AcceptSocketAsync(ct)))
        {
            captured = await peer.ReadPduAsync(ct);
            await peer.SendAsync([0x07, 0, 0, 0, 0, 4, 0, 0, 0, 0], ct);
        }

        await running;

        Assert.Equal(StorescuGolden.Bytes(), captured);
    }
}
