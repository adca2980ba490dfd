using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Tests.Support;

/// <summary>
/// Reads a gzipped DICOM JSON array (PS3.18 F.2, the OHIF static DICOMweb metadata) into header datasets: the
/// string VRs and sequences the SUV calculator reads. Binary VRs, PN and bulk data are left out.
/// </summary>
internal static class DicomJsonHeaders
{
    private static readonly HashSet<string> StringVrs = new(StringComparer.Ordinal)
    {
        "AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "SH", "ST", "TM", "UI", "UC", "UR", "UT",
    };

    public static async Task<IReadOnlyList<DicomDataset>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var document = await JsonDocument.ParseAsync(gzip, cancellationToken: cancellationToken);
        return [.. document.RootElement.EnumerateArray().Select(Dataset)];
    }

    private static DicomDataset Dataset(JsonElement json)
    {
        var dataset = new DicomDataset();
        foreach (JsonProperty property in json.EnumerateObject())
        {
            if (!property.Value.TryGetProperty("vr", out JsonElement vrElement) ||
                !property.Value.TryGetProperty("Value", out JsonElement values))
            {
                continue;
            }

            string vr = vrElement.GetString()!;
            var tag = new DicomTag(
                ushort.Parse(property.Name.AsSpan(0, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                ushort.Parse(property.Name.AsSpan(4, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            if (vr == "SQ")
            {
                dataset.AddOrUpdate(new DicomSequence(tag, values.EnumerateArray().Select(Dataset)));
            }
            else if (StringVrs.Contains(vr))
            {
                string text = string.Join('\\', values.EnumerateArray().Select(v =>
                    v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()));
                dataset.SetString(tag, Enum.Parse<DicomVR>(vr), text);
            }
        }

        return dataset;
    }
}
