using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scu;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Scu;

/// <summary>Our SCU against DCMTK's storescp: C-ECHO, then C-STORE of a PET series and an RT struct.</summary>
[Trait("Category", "Interop")]
public sealed class DimseClientTests
{
    [Fact]
    public async Task Client_EchoAndStoreToStorescp_EveryFileWrittenByDcmtk()
    {
        string storescp = RequiresTool.Dcmtk("storescp");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var output = new TempDirectory();
        int port = FreePort.Get();
        string[] files =
        [
            .. Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT"), "*.dcm"),
            .. Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "RS"), "*.dcm"),
        ];
        string[] uncompressed = [DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian];
        await using RunningTool peer = ExternalTool.Start(storescp,
            ["-aet", "STORESCP", "-od", output.FullPath, port.ToString(CultureInfo.InvariantCulture)]);
        var options = new DimseClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CalledAeTitle = "STORESCP",
            PresentationContexts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [DicomUid.Verification] = [DicomUid.ImplicitVRLittleEndian],
                [DicomUid.PositronEmissionTomographyImageStorage] = uncompressed,
                [DicomUid.RTStructureSetStorage] = uncompressed,
            },
        };

        await using DimseClient client = await ConnectWithRetryAsync(options, ct);
        DicomStatus echo = await client.EchoAsync(ct);
        var sent = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string path in files)
        {
            DicomFile file = await DicomFile.OpenAsync(path, null, ct);
            string syntax = client.Association.Parameters.PresentationContexts.Values
                .First(c => c.AbstractSyntax == file.Dataset.GetString(DicomTag.SOPClassUID)).TransferSyntax;
            byte[] bytes = DicomDatasetCodec.Encode(file.Dataset, DicomTransferSyntax.FromUid(syntax));
            string uid = file.Dataset.GetString(DicomTag.SOPInstanceUID)!;
            CStoreResponse response = await client.StoreAsync(file.Dataset.GetString(DicomTag.SOPClassUID)!, uid, syntax,
                new ReadOnlySequence<byte>(bytes), ct);
            Assert.Equal(StatusCategory.Success, response.Status.Category);
            Assert.Equal(uid, response.AffectedSopInstanceUid);
            sent[uid] = (file.Dataset.Get(DicomTag.PixelData) as Dicom.Data.DicomElement)?.Length ?? -1;
        }

        await client.ReleaseAsync(ct);

        Assert.Equal(StatusCategory.Success, echo.Category);
        string[] written = Directory.GetFiles(output.FullPath);
        Assert.Equal(files.Length, written.Length);
        foreach (string path in written)
        {
            DicomFile stored = await DicomFile.OpenAsync(path, null, ct);
            string uid = stored.Dataset.GetString(DicomTag.SOPInstanceUID)!;
            Assert.Equal(sent[uid], (stored.Dataset.Get(DicomTag.PixelData) as Dicom.Data.DicomElement)?.Length ?? -1);
        }
    }

    [Fact]
    public async Task Store_SopClassNotNegotiated_ThrowsBeforeSending()
    {
        string storescp = RequiresTool.Dcmtk("storescp");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var output = new TempDirectory();
        int port = FreePort.Get();
        await using RunningTool peer = ExternalTool.Start(storescp, ["-od", output.FullPath, port.ToString(CultureInfo.InvariantCulture)]);
        var options = new DimseClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CalledAeTitle = "ANY-SCP",
            PresentationContexts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [DicomUid.Verification] = [DicomUid.ImplicitVRLittleEndian],
            },
        };
        await using DimseClient client = await ConnectWithRetryAsync(options, ct);

        await Assert.ThrowsAsync<DicomException>(() => client.StoreAsync(DicomUid.PositronEmissionTomographyImageStorage, "1.2.3",
            DicomUid.ExplicitVRLittleEndian, ReadOnlySequence<byte>.Empty, ct));
        Assert.Equal(StatusCategory.Success, (await client.EchoAsync(ct)).Category);
        await client.ReleaseAsync(ct);
    }

    /// <summary>storescp needs a moment to listen after it starts.</summary>
    private static async Task<DimseClient> ConnectWithRetryAsync(DimseClientOptions options, CancellationToken ct)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await DimseClient.ConnectAsync(options, TimeProvider.System, NullLogger.Instance, ct);
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(50, ct);
            }
        }
    }
}
