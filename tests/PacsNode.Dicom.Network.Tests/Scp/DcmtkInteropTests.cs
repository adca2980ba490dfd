using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scp;
using PacsNode.Dicom.Network.Upper;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Scp;

/// <summary>DCMTK's echoscu and storescu against our listener, Verification and Storage roles, on loopback.</summary>
[Trait("Category", "Interop")]
public sealed class DcmtkInteropTests
{
    private static readonly string[] Uncompressed = [DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian];

    [Fact]
    public async Task Echoscu_Verification_Succeeds()
    {
        string echoscu = RequiresTool.Dcmtk("echoscu");
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using Node node = await Node.StartAsync(new RecordingStoreScp(), 1 << 20);

        ToolResult result = await ExternalTool.RunAsync(echoscu,
            ["-aet", "ECHOSCU", "-aec", "PACSNODE", "127.0.0.1", node.Port.ToString(CultureInfo())], null, ct);

        result.AssertSuccess();
        Assert.Equal(1, node.Echoes);
    }

    [Fact]
    public async Task Echoscu_WrongCalledAe_IsRejected()
    {
        string echoscu = RequiresTool.Dcmtk("echoscu");
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using Node node = await Node.StartAsync(new RecordingStoreScp(), 1 << 20);

        ToolResult result = await ExternalTool.RunAsync(echoscu,
            ["-aet", "ECHOSCU", "-aec", "SOMEONE", "127.0.0.1", node.Port.ToString(CultureInfo())], null, ct);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Called AE Title Not Recognized", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, node.Echoes);
    }

    [Theory]
    [InlineData(16384u, 1L << 20)] // DCMTK's default PDU size; datasets held in memory
    [InlineData(4096u, 8192L)] // small PDUs, many fragments; every dataset spooled to disk
    public async Task Storescu_PetSeriesAndRtStruct_EveryInstanceArrivesIntact(uint pdu, long spoolThreshold)
    {
        string storescu = RequiresTool.Dcmtk("storescu");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files =
        [
            .. Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT"), "*.dcm").Order(StringComparer.Ordinal),
            .. Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "RS"), "*.dcm"),
        ];
        var store = new RecordingStoreScp();
        await using Node node = await Node.StartAsync(store, spoolThreshold);

        ToolResult result = await ExternalTool.RunAsync(storescu,
            ["-aet", "STORESCU", "-aec", "PACSNODE", "-pdu", pdu.ToString(CultureInfo()), "127.0.0.1",
                node.Port.ToString(CultureInfo()), .. files], null, ct);

        result.AssertSuccess();
        Assert.Equal(files.Length, store.Received.Count);
        foreach (string path in files)
        {
            DicomFile source = await DicomFile.OpenAsync(path, null, ct);
            string uid = source.Dataset.GetString(DicomTag.SOPInstanceUID)!;
            (string syntax, byte[] bytes) = store.Received[uid];
            DicomDataset received = DicomDatasetCodec.Decode(new ReadOnlySequence<byte>(bytes), DicomTransferSyntax.FromUid(syntax));
            Assert.Equal(uid, received.GetString(DicomTag.SOPInstanceUID));
            Assert.Equal(source.Dataset.Count, received.Count);
            Assert.Equal(Length(source.Dataset, DicomTag.PixelData), Length(received, DicomTag.PixelData));
        }

        Assert.Equal(spoolThreshold < 100_000, store.SawSpooledFile);
    }

    [Fact]
    public async Task Storescu_FourAssociationsInParallel_AllStoresAnswered()
    {
        string storescu = RequiresTool.Dcmtk("storescu");
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT"), "*.dcm");
        var store = new RecordingStoreScp();
        await using Node node = await Node.StartAsync(store, 1 << 20);

        ToolResult[] results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => ExternalTool.RunAsync(storescu,
            ["-aet", $"SCU{i}", "-aec", "PACSNODE", "127.0.0.1", node.Port.ToString(CultureInfo()), .. files], null, ct)));

        foreach (ToolResult result in results)
        {
            result.AssertSuccess();
        }

        Assert.Equal(4 * files.Length, store.Calls);
        Assert.Equal(files.Length, store.Received.Count);
    }

    private static long Length(DicomDataset dataset, DicomTag tag) => (dataset.Get(tag) as DicomElement)?.Length ?? -1;

    private static System.Globalization.CultureInfo CultureInfo() => System.Globalization.CultureInfo.InvariantCulture;

    private sealed class RecordingStoreScp : IStoreScp
    {
        public ConcurrentDictionary<string, (string Syntax, byte[] Bytes)> Received { get; } = new(StringComparer.Ordinal);

        public bool SawSpooledFile { get; private set; }

        public int Calls => Volatile.Read(ref _calls);

        private int _calls;

        public async ValueTask<DimseResult> OnCStoreAsync(
            AssociationParameters association, CStoreRequest request, string transferSyntaxUid, DatasetSpool dataset,
            CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            SawSpooledFile |= !dataset.IsInMemory;
            using var copy = new MemoryStream();
            await dataset.CopyToAsync(copy, cancellationToken);
            Received[request.AffectedSopInstanceUid] = (transferSyntaxUid, copy.ToArray());
            return DimseResult.Success;
        }
    }

    private sealed class Node : IAsyncDisposable, IEchoScp
    {
        private readonly CancellationTokenSource _stop = new();
        private DicomListener _listener = null!;
        private Task _running = Task.CompletedTask;
        private int _echoes;

        public int Port => _listener.LocalEndPoint.Port;

        public int Echoes => Volatile.Read(ref _echoes);

        public static Task<Node> StartAsync(IStoreScp store, long spoolThreshold)
        {
            var node = new Node();
            var syntaxes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                [DicomUid.Verification] = Uncompressed,
                [DicomUid.PositronEmissionTomographyImageStorage] = Uncompressed,
                [DicomUid.RTStructureSetStorage] = Uncompressed,
            };
            var policy = new AcceptorPolicy { AeTitle = "PACSNODE", AbstractSyntaxes = syntaxes };
            var dispatcher = new DimseDispatcher(node, store, new DimseDispatcherOptions { SpoolThreshold = spoolThreshold },
                NullLogger.Instance);
            node._listener = new DicomListener(new DicomListenerOptions { Address = IPAddress.Loopback, Port = 0 }, policy,
                dispatcher.HandleAsync, TimeProvider.System, NullLogger.Instance);
            node._running = node._listener.RunAsync(node._stop.Token);
            return Task.FromResult(node);
        }

        public ValueTask<DimseResult> OnCEchoAsync(AssociationParameters association, CEchoRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _echoes);
            return ValueTask.FromResult(DimseResult.Success);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _running;
            await _listener.DisposeAsync();
            _stop.Dispose();
        }
    }
}
