using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Dicom.Network.Tests.QueryRetrieve;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Scu;

/// <summary>
/// C-STORE of a stored file whose syntax the peer did not accept: DCMTK's storescp accepts uncompressed syntaxes
/// only by default, so the GE JPEG Lossless slice is transcoded; its pixels must equal what dcmdjpeg decodes.
/// </summary>
[Trait("Category", "Interop")]
public sealed class DimseClientTranscodeTests
{
    [Fact]
    public async Task StoreFile_JpegLosslessToUncompressedOnlyPeer_TranscodedToDcmdjpegPixels()
    {
        string storescp = RequiresTool.Dcmtk("storescp");
        string dcmdjpeg = RequiresTool.Dcmtk("dcmdjpeg");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string jpeg = TestData.Path("fo-dicom", "GH184.dcm");
        using var folder = new TempDirectory();
        string received = folder.Combine("received");
        Directory.CreateDirectory(received);
        string reference = folder.Combine("reference.dcm");
        (await ExternalTool.RunAsync(dcmdjpeg, [jpeg, reference], null, ct)).AssertSuccess();
        int port = FreePort.Get();
        await using RunningTool peer = ExternalTool.Start(storescp, ["-aet", "STORESCP", "-od", received, port.ToString(CultureInfo.InvariantCulture)]);
        await FreePort.WaitUntilListeningAsync(port, ct);
        DicomFile source = await DicomFile.OpenAsync(jpeg, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, ct);
        var instance = new InstanceFile(source.Dataset.GetString(DicomTag.SOPClassUID)!, source.Dataset.GetString(DicomTag.SOPInstanceUID)!,
            source.TransferSyntax.Uid, jpeg);
        await using DimseClient client = await DimseClient.ConnectAsync(new DimseClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CalledAeTitle = "STORESCP",
            PresentationContexts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [instance.SopClassUid] = [DicomUid.JPEGLosslessSV1, DicomUid.ExplicitVRLittleEndian],
            },
        }, TimeProvider.System, NullLogger.Instance, ct);

        CStoreResponse response = await client.StoreAsync(instance, null, null, ct);
        string accepted = client.Association.Parameters.PresentationContexts.Values.Single().TransferSyntax;
        await client.ReleaseAsync(ct);

        Assert.Equal(DicomStatus.Success, response.Status);
        Assert.Equal(DicomUid.ExplicitVRLittleEndian, accepted);
        DicomFile written = await DicomFile.OpenAsync(Assert.Single(Directory.GetFiles(received)), null, ct);
        DicomFile decoded = await DicomFile.OpenAsync(reference, null, ct);
        Assert.Equal(DicomUid.ExplicitVRLittleEndian, written.TransferSyntax.Uid);
        Assert.Equal(QrDispatcherTests.Pixels(decoded.Dataset), QrDispatcherTests.Pixels(written.Dataset));
    }
}
