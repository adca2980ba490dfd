using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PacsNode.Dicom.IO;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Interop.Tests.Pipeline;

/// <summary>
/// Issue 5's Orthanc acceptance point: a study uploaded to Orthanc (Debian's 1.10) is sent by Orthanc to the node over
/// C-STORE (REST <c>/modalities/PACSNODE/store</c>); the node reports on it and forwards the SR and SEG back to Orthanc
/// (its default forward destination), where Orthanc's REST API lists them in the same study and serves the SR, which the
/// node's reader reads with the lesion groups.
/// </summary>
[Trait("Category", "Interop")]
public sealed class PipelineOrthancInteropTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrthancSendsStudy_NodeForwardsReportBack_OrthancRestShowsIt()
    {
        using var dir = new TempDirectory("pipeline-orthanc");
        PipelineStudy study = await PipelineStudy.SmallAsync(dir.Combine("study"), Token, withCt: false);
        int nodePort = FreePort.Get();
        await using OrthancServer orthanc = await OrthancServer.StartAsync(
            modalities: new Dictionary<string, (string AeTitle, string Host, int Port)> { ["PACSNODE"] = ("PACSNODE", "127.0.0.1", nodePort) },
            cancellationToken: Token);
        await using PacsNodeServer node = await PacsNodeServer.StartAsync(dir.Combine("data"), new Dictionary<string, string?>
        {
            ["PacsNode__Pipeline__QuietSeconds"] = "2",
            ["PacsNode__Pipeline__ForwardDefault__0"] = "ORTHANC",
            ["PacsNode__Remotes__0__AeTitle"] = "ORTHANC",
            ["PacsNode__Remotes__0__Host"] = "127.0.0.1",
            ["PacsNode__Remotes__0__Port"] = orthanc.DicomPort.ToString(CultureInfo.InvariantCulture),
        }, port: nodePort, cancellationToken: Token);
        using HttpClient http = orthanc.CreateHttpClient();

        string? orthancStudy = null;
        foreach (string path in study.PetFiles)
        {
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path, Token));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
            using JsonDocument uploaded = await SendAsync(http, HttpMethod.Post, "instances", content);
            orthancStudy = uploaded.RootElement.GetProperty("ParentStudy").GetString();
        }

        using (await SendAsync(http, HttpMethod.Post, "modalities/PACSNODE/store",
                   new StringContent(JsonSerializer.Serialize(new { Resources = new[] { orthancStudy }, Synchronous = true }), Encoding.UTF8, "application/json")))
        {
        }

        Dictionary<string, string> series = await WaitForModalitiesAsync(http, orthancStudy!, ["SR", "SEG"], TimeSpan.FromSeconds(90));
        using JsonDocument srInstances = await SendAsync(http, HttpMethod.Get, $"series/{series["SR"]}/instances", null);
        string srId = srInstances.RootElement[0].GetProperty("ID").GetString()!;
        using HttpResponseMessage file = await http.GetAsync(new Uri($"instances/{srId}/file", UriKind.Relative), Token);
        file.EnsureSuccessStatusCode();
        var sr = DicomFile.Parse(await file.Content.ReadAsByteArrayAsync(Token));
        StoredReport report = Tid1500Reader.Read(sr.Dataset);
        Assert.Null(report.NotQuantified);
        Assert.Contains(report.Groups, g => g.TrackingIdentifier == "L1");
        Assert.Contains(report.Groups, g => g.TrackingIdentifier == "LIVER");
    }

    /// <summary>Polls Orthanc until the study has a series of each modality; modality → Orthanc series id.</summary>
    private static async Task<Dictionary<string, string>> WaitForModalitiesAsync(HttpClient http, string study, string[] modalities, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using JsonDocument series = await SendAsync(http, HttpMethod.Get, $"studies/{study}/series", null);
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonElement s in series.RootElement.EnumerateArray())
            {
                if (s.GetProperty("MainDicomTags").TryGetProperty("Modality", out JsonElement modality) && modality.GetString() is { } m)
                {
                    found[m] = s.GetProperty("ID").GetString()!;
                }
            }

            if (modalities.All(found.ContainsKey))
            {
                return found;
            }

            Assert.True(clock.Elapsed < timeout, $"Orthanc study {study} has {string.Join(", ", found.Keys)} after {timeout.TotalSeconds} s");
            await Task.Delay(250, Token);
        }
    }

    private static async Task<JsonDocument> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        using HttpResponseMessage response = await http.SendAsync(request, Token);
        string body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"{method} /{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body.Length == 0 ? "{}" : body);
    }
}
