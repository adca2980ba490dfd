using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Node;

/// <summary>
/// `pacsnode serve` and the node's SCU commands against Orthanc (Debian package, 1.10), started by the test with a
/// loopback-only HTTP configuration and the node declared in its DicomModalities as PACSNODE. Orthanc is driven
/// through its REST API: it C-ECHOes, C-STOREs to, C-FINDs and C-MOVEs from the node; the node's echo, send, find,
/// move and get talk to Orthanc's SCP. Expected answers come from the files (three slices of one DRO PET series, and
/// a GE JPEG Lossless slice of another patient that the queries must not match).
/// </summary>
[Trait("Category", "Interop")]
public sealed class NodeOrthancInteropTests
{
    [Fact]
    public async Task OrthancAsScu_EchoStoreFindMove_NodeHoldsTheFilesAndOrthancGetsThemBack()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = Files();
        string[] dro = files[..3];
        DicomDataset first = await HeaderAsync(files[0], ct);
        string patientId = first.GetString(DicomTag.PatientID)!;
        string studyUid = first.GetString(DicomTag.StudyInstanceUID)!;
        using var dir = new TempDirectory("node-orthanc");
        await using Peers peers = await Peers.StartAsync(dir, ct);
        using HttpClient http = peers.Orthanc.CreateHttpClient();

        var orthancStudies = new HashSet<string>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (string path in files)
        {
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path, ct));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
            using JsonDocument uploaded = await SendAsync(http, HttpMethod.Post, "instances", content, ct);
            ids.Add(uploaded.RootElement.GetProperty("ID").GetString()!);
            orthancStudies.Add(uploaded.RootElement.GetProperty("ParentStudy").GetString()!);
        }

        using JsonDocument echo = await PostJsonAsync(http, "modalities/PACSNODE/echo", "{}", ct);
        using JsonDocument store = await PostJsonAsync(http, "modalities/PACSNODE/store",
            JsonSerializer.Serialize(new { Resources = ids, Synchronous = true }), ct);

        Assert.Equal(4, store.RootElement.GetProperty("InstancesCount").GetInt32());
        Assert.Equal(0, store.RootElement.GetProperty("FailedInstancesCount").GetInt32());
        ToolResult indexed = (await PacsNodeCli.RunAsync(["find", peers.Node.Address, "-S", "-L", "IMAGE",
            "-k", $"StudyInstanceUID={studyUid}", "-k", $"SeriesInstanceUID={first.GetString(DicomTag.SeriesInstanceUID)}", "-k", "SOPInstanceUID"],
            cancellationToken: ct)).AssertSuccess();
        foreach (string path in dro)
        {
            string sop = (await HeaderAsync(path, ct)).GetString(DicomTag.SOPInstanceUID)!;
            Assert.Contains($"UI [{sop}]", indexed.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains("# Match 3", indexed.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("# Match 4", indexed.StandardOutput, StringComparison.Ordinal);
        await InstanceAssert.SameInstancesAsync(files, StoredFiles.Under(Path.Combine(peers.Node.DataFolder, "instances")), ct);

        // C-FIND at study level by Patient ID: one answer, the study of the files.
        string queryId = await FindAsync(http, "Study", new()
        {
            ["PatientID"] = patientId,
            ["StudyInstanceUID"] = string.Empty,
            ["PatientName"] = string.Empty,
        }, ct);
        using JsonDocument answers = await SendAsync(http, HttpMethod.Get, $"queries/{queryId}/answers", null, ct);
        Assert.Equal("0", Assert.Single(answers.RootElement.EnumerateArray()).GetString());
        using JsonDocument answer = await SendAsync(http, HttpMethod.Get, $"queries/{queryId}/answers/0/content?simplify", null, ct);
        Assert.Equal(studyUid, answer.RootElement.GetProperty("StudyInstanceUID").GetString());
        Assert.Equal(patientId, answer.RootElement.GetProperty("PatientID").GetString());
        Assert.Equal(first.GetString(DicomTag.PatientName), answer.RootElement.GetProperty("PatientName").GetString());

        // C-FIND at series level within the study: the one DRO series, modality PT.
        string seriesQueryId = await FindAsync(http, "Series", new()
        {
            ["StudyInstanceUID"] = studyUid,
            ["SeriesInstanceUID"] = string.Empty,
            ["Modality"] = string.Empty,
        }, ct);
        using JsonDocument seriesAnswers = await SendAsync(http, HttpMethod.Get, $"queries/{seriesQueryId}/answers?expand&simplify", null, ct);
        JsonElement series = Assert.Single(seriesAnswers.RootElement.EnumerateArray());
        Assert.Equal(first.GetString(DicomTag.SeriesInstanceUID), series.GetProperty("SeriesInstanceUID").GetString());
        Assert.Equal("PT", series.GetProperty("Modality").GetString());

        // Orthanc 1.10's REST API has no C-GET SCU (/modalities/{name}/get is unknown: 404), so Orthanc cannot C-GET
        // from the node on this version; C-GET against the node is covered by getscu and `pacsnode get` elsewhere.
        using (var noGet = new StringContent("{}", Encoding.UTF8, "application/json"))
        using (HttpResponseMessage getResponse = await http.PostAsync(new Uri("modalities/PACSNODE/get", UriKind.Relative), noGet, ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, getResponse.StatusCode);
        }

        // C-MOVE from the node to Orthanc itself, after deleting Orthanc's copy: what comes back is the node's.
        foreach (string orthancStudy in orthancStudies)
        {
            using (await SendAsync(http, HttpMethod.Delete, $"studies/{orthancStudy}", null, ct))
            {
            }
        }

        Assert.Empty(await OrthancSopUidsAsync(http, ct));
        using (await PostJsonAsync(http, $"queries/{queryId}/retrieve",
            JsonSerializer.Serialize(new { TargetAet = "ORTHANC", Synchronous = true }), ct))
        {
        }

        Dictionary<string, string> moved = await OrthancSopUidsAsync(http, ct);
        string fromOrthanc = dir.Combine("from-orthanc");
        Directory.CreateDirectory(fromOrthanc);
        foreach ((string sop, string id) in moved)
        {
            byte[] bytes = await http.GetByteArrayAsync(new Uri($"instances/{id}/file", UriKind.Relative), ct);
            await File.WriteAllBytesAsync(Path.Combine(fromOrthanc, sop + ".dcm"), bytes, ct);
        }

        await InstanceAssert.SameInstancesAsync(dro, Directory.GetFiles(fromOrthanc), ct);
        Assert.Equal(JsonValueKind.Object, echo.RootElement.ValueKind);
    }

    [Fact]
    public async Task NodeScuAgainstOrthanc_EchoSendFindMoveGet_OrthancAnswersWithTheFiles()
    {
        RequiresTool.SharedTestData();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string[] files = Files();
        string[] dro = files[..3];
        DicomDataset first = await HeaderAsync(files[0], ct);
        string studyUid = first.GetString(DicomTag.StudyInstanceUID)!;
        using var dir = new TempDirectory("node-orthanc");
        await using Peers peers = await Peers.StartAsync(dir, ct);
        using HttpClient http = peers.Orthanc.CreateHttpClient();
        string orthanc = $"ORTHANC@127.0.0.1:{NodeTools.Text(peers.Orthanc.DicomPort)}";
        string outgoing = dir.Combine("outgoing");
        string got = dir.Combine("got");
        Directory.CreateDirectory(outgoing);
        foreach (string path in files)
        {
            File.Copy(path, Path.Combine(outgoing, Path.GetFileName(path)));
        }

        ToolResult echo = (await PacsNodeCli.RunAsync(["echo", orthanc], cancellationToken: ct)).AssertSuccess();
        ToolResult send = (await PacsNodeCli.RunAsync(["send", outgoing, "--to", orthanc], cancellationToken: ct)).AssertSuccess();
        Dictionary<string, string> stored = await OrthancSopUidsAsync(http, ct);
        ToolResult find = (await PacsNodeCli.RunAsync(["find", orthanc, "-S", "-L", "STUDY", "-k", $"PatientID={first.GetString(DicomTag.PatientID)}",
            "-k", "StudyInstanceUID", "-k", "PatientName"], cancellationToken: ct)).AssertSuccess();
        ToolResult move = (await PacsNodeCli.RunAsync(["move", orthanc, "--dest", "PACSNODE", "-L", "STUDY", "-k", $"StudyInstanceUID={studyUid}"],
            cancellationToken: ct)).AssertSuccess();
        ToolResult get = (await PacsNodeCli.RunAsync(["get", orthanc, "--out", got, "-L", "STUDY", "-k", $"StudyInstanceUID={studyUid}"],
            cancellationToken: ct)).AssertSuccess();

        Assert.Contains("Success", echo.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("4 succeeded", send.StandardOutput, StringComparison.Ordinal);
        var expectedSops = new List<string>();
        foreach (string path in files)
        {
            expectedSops.Add((await HeaderAsync(path, ct)).GetString(DicomTag.SOPInstanceUID)!);
        }

        Assert.Equal(expectedSops.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        Assert.Contains($"UI [{studyUid}]", find.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"[{first.GetString(DicomTag.PatientName)}]", find.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("# Match 1", find.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("# Match 2", find.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("3 completed, 0 failed", move.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("3 completed, 0 failed", get.StandardOutput, StringComparison.Ordinal);
        await InstanceAssert.SameInstancesAsync(dro, StoredFiles.Under(Path.Combine(peers.Node.DataFolder, "instances")), ct);
        await InstanceAssert.SameInstancesAsync(dro, Directory.GetFiles(got), ct);
    }

    /// <summary>Three slices of one DRO PET series (one patient, one study), then a GE PET slice in JPEG Lossless
    /// (another patient and study), so the queries have something not to match and a compressed file travels too.</summary>
    private static string[] Files() =>
    [
        .. Directory.GetFiles(TestData.Path("ibsi-suv-dro", "DRO", "DRO_0_0", "PT"), "*.dcm").Order(StringComparer.Ordinal).Take(3),
        TestData.Path("fo-dicom", "GH184.dcm"),
    ];

    private static async Task<DicomDataset> HeaderAsync(string path, CancellationToken ct) =>
        (await DicomFile.OpenAsync(path, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, ct)).Dataset;

    /// <summary>Has Orthanc C-FIND the node at <paramref name="level"/> with <paramref name="keys"/>; returns Orthanc's query ID.</summary>
    private static async Task<string> FindAsync(HttpClient http, string level, Dictionary<string, string> keys, CancellationToken ct)
    {
        using JsonDocument query = await PostJsonAsync(http, "modalities/PACSNODE/query",
            JsonSerializer.Serialize(new { Level = level, Query = keys }), ct);
        return query.RootElement.GetProperty("ID").GetString()!;
    }

    private static Task<JsonDocument> PostJsonAsync(HttpClient http, string path, string json, CancellationToken ct) =>
        SendAsync(http, HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"), ct);

    /// <summary>One REST call; a non-success status fails the test with Orthanc's answer.</summary>
    private static async Task<JsonDocument> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent? content,
        CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        using HttpResponseMessage response = await http.SendAsync(request, ct);
        string body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} /{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body.Length == 0 ? "{}" : body);
    }

    /// <summary>SOP Instance UID → Orthanc id of every instance Orthanc holds.</summary>
    private static async Task<Dictionary<string, string>> OrthancSopUidsAsync(HttpClient http, CancellationToken ct)
    {
        using JsonDocument instances = await SendAsync(http, HttpMethod.Get, "instances?expand", null, ct);
        return instances.RootElement.EnumerateArray().ToDictionary(
            i => i.GetProperty("MainDicomTags").GetProperty("SOPInstanceUID").GetString()!,
            i => i.GetProperty("ID").GetString()!,
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Orthanc with the node as modality PACSNODE, and `pacsnode serve` (AE PACSNODE) with Orthanc as its C-MOVE
    /// destination ORTHANC; the node's port is chosen first so each can name the other.
    /// </summary>
    private sealed class Peers : IAsyncDisposable
    {
        private Peers(OrthancServer orthanc, PacsNodeServer node)
        {
            Orthanc = orthanc;
            Node = node;
        }

        public OrthancServer Orthanc { get; }

        public PacsNodeServer Node { get; }

        public static async Task<Peers> StartAsync(TempDirectory dir, CancellationToken ct)
        {
            int nodePort = FreePort.Get();
            OrthancServer orthanc = await OrthancServer.StartAsync(
                modalities: new Dictionary<string, (string AeTitle, string Host, int Port)>(StringComparer.Ordinal)
                {
                    ["PACSNODE"] = ("PACSNODE", "127.0.0.1", nodePort),
                },
                cancellationToken: ct);
            try
            {
                PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"), new Dictionary<string, string?>
                {
                    ["PacsNode__Remotes__0__AeTitle"] = "ORTHANC",
                    ["PacsNode__Remotes__0__Host"] = "127.0.0.1",
                    ["PacsNode__Remotes__0__Port"] = NodeTools.Text(orthanc.DicomPort),
                }, nodePort, cancellationToken: ct);
                return new Peers(orthanc, node);
            }
            catch
            {
                await orthanc.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Node.DisposeAsync();
            await Orthanc.DisposeAsync();
        }
    }
}
