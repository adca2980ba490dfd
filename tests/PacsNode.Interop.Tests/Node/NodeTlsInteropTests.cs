using PacsNode.TestKit;
using Xunit;
using static PacsNode.Interop.Tests.Node.NodeTools;

namespace PacsNode.Interop.Tests.Node;

/// <summary>
/// DICOM over TLS (PS3.15 B.1) on the node's second port, against DCMTK built with OpenSSL (echoscu/storescu
/// <c>+tla</c>/<c>+tls</c>), with certificates made by <c>openssl req -x509</c> for the test.
/// </summary>
[Trait("Category", "Interop")]
public sealed class NodeTlsInteropTests
{
    [Fact]
    public async Task Tls_DcmtkAnonymousClientVerifyingTheNode_EchoesAndStores()
    {
        RequiresTool.SharedTestData();
        string echoscu = RequiresTool.Dcmtk("echoscu");
        string storescu = RequiresTool.Dcmtk("storescu");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("tls");
        (string cert, string key) = await MakeCertificateAsync(dir, "node", ct);
        int tlsPort = FreePort.Get();
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"), new Dictionary<string, string?>
        {
            ["PacsNode__Tls__Port"] = Text(tlsPort),
            ["PacsNode__Tls__CertificateFile"] = cert,
            ["PacsNode__Tls__KeyFile"] = key,
        }, cancellationToken: ct);
        await node.Process.WaitForOutputAsync("TLS listener accepting", ct);

        ToolResult echo = await ExternalTool.RunAsync(echoscu, ["+tla", "+cf", cert, "-aec", "PACSNODE", "127.0.0.1", Text(tlsPort)], cancellationToken: ct);
        ToolResult store = await ExternalTool.RunAsync(storescu,
            ["+tla", "+cf", cert, "-xs", "-aec", "PACSNODE", "127.0.0.1", Text(tlsPort), TestData.Path("fo-dicom", "GH184.dcm")], cancellationToken: ct);
        ToolResult plainOnTls = await ExternalTool.RunAsync(echoscu, ["-to", "5", "-aec", "PACSNODE", "127.0.0.1", Text(tlsPort)], cancellationToken: ct);
        ToolResult ours = await PacsNodeCli.RunAsync(["echo", $"PACSNODE@127.0.0.1:{Text(tlsPort)}", "--tls", "--tls-ca", cert], cancellationToken: ct);
        ToolResult oursUntrusting = await PacsNodeCli.RunAsync(["echo", $"PACSNODE@127.0.0.1:{Text(tlsPort)}", "--tls"], cancellationToken: ct);
        ToolResult plain = await EchoscuAsync(node, ct);

        echo.AssertSuccess();
        store.AssertSuccess();
        Assert.DoesNotContain("E:", store.StandardError, StringComparison.Ordinal);
        Assert.NotEqual(0, plainOnTls.ExitCode);
        ours.AssertSuccess();
        Assert.Contains("TLS", ours.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, oursUntrusting.ExitCode);
        Assert.Contains("TLS handshake failed", oursUntrusting.StandardError, StringComparison.Ordinal);
        plain.AssertSuccess();
        Assert.Single(Directory.GetFiles(Path.Combine(node.DataFolder, "instances"), "*.dcm", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Tls_ClientCertificateRequired_OnlyAClientSignedByTheTrustedCaAssociates()
    {
        string echoscu = RequiresTool.Dcmtk("echoscu");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("tls-mutual");
        (string cert, string key) = await MakeCertificateAsync(dir, "node", ct);
        (string clientCert, string clientKey) = await MakeCertificateAsync(dir, "modality", ct);
        (string otherCert, string otherKey) = await MakeCertificateAsync(dir, "stranger", ct);
        int tlsPort = FreePort.Get();
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"), new Dictionary<string, string?>
        {
            ["PacsNode__Tls__Port"] = Text(tlsPort),
            ["PacsNode__Tls__CertificateFile"] = cert,
            ["PacsNode__Tls__KeyFile"] = key,
            ["PacsNode__Tls__RequireClientCertificate"] = "true",
            ["PacsNode__Tls__TrustedCaFile"] = clientCert,
        }, cancellationToken: ct);
        await node.Process.WaitForOutputAsync("TLS listener accepting", ct);

        Task<ToolResult> EchoAsync(params string[] tls) => ExternalTool.RunAsync(echoscu,
            [.. tls, "+cf", cert, "-to", "10", "-aec", "PACSNODE", "127.0.0.1", Text(tlsPort)], cancellationToken: ct);
        ToolResult trusted = await EchoAsync("+tls", clientKey, clientCert);
        ToolResult untrusted = await EchoAsync("+tls", otherKey, otherCert);
        ToolResult anonymous = await EchoAsync("+tla");
        ToolResult ours = await PacsNodeCli.RunAsync(["echo", $"PACSNODE@127.0.0.1:{Text(tlsPort)}", "--tls", "--tls-ca", cert,
            "--tls-cert", clientCert, "--tls-key", clientKey], cancellationToken: ct);

        trusted.AssertSuccess();
        Assert.NotEqual(0, untrusted.ExitCode);
        Assert.NotEqual(0, anonymous.ExitCode);
        ours.AssertSuccess();
        (await EchoscuAsync(node, ct)).AssertSuccess();
    }

    /// <summary>A self-signed RSA certificate for 127.0.0.1 made by openssl; returns the PEM certificate and key.</summary>
    private static async Task<(string Certificate, string Key)> MakeCertificateAsync(TempDirectory dir, string name, CancellationToken ct)
    {
        string openssl = RequiresTool.OnPath("openssl", "openssl");
        string cert = dir.Combine($"{name}.crt");
        string key = dir.Combine($"{name}.key");
        (await ExternalTool.RunAsync(openssl,
        [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2", "-keyout", key, "-out", cert,
            "-subj", $"/CN={name}", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ], new ToolRunOptions { LogToTestOutput = false }, ct)).AssertSuccess();
        return (cert, key);
    }
}
