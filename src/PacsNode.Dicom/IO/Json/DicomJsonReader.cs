using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.IO.Json;

/// <summary>
/// Reads the DICOM JSON model (PS3.18 annex F): an object of "ggggeeee" keys, each with "vr" and "Value",
/// "InlineBinary" or "BulkDataURI". Strings are encoded as UTF-8 (the dataset gets Specific Character Set
/// ISO_IR 192 when it has non-ASCII text and none of its own); numbers keep their JSON text for DS and IS; PN
/// objects join their component groups with '='; an attribute without "vr" gets the dictionary's. Bulk data URIs are handed to a resolver, or the element is
/// left out and listed in <see cref="DicomJsonResult.UnresolvedBulkData"/>.
/// </summary>
public static class DicomJsonReader
{
    public static DicomJsonResult Read(JsonElement json, Func<string, byte[]?>? bulkDataResolver = null)
    {
        var unresolved = new List<DicomTag>();
        DicomDataset dataset = Dataset(json, bulkDataResolver, unresolved);
        return new DicomJsonResult(dataset, unresolved);
    }

    private static DicomDataset Dataset(JsonElement json, Func<string, byte[]?>? resolver, List<DicomTag> unresolved)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new DicomException($"DICOM JSON: expected an object for a dataset, found {json.ValueKind}.");
        }

        var dataset = new DicomDataset();
        bool nonAscii = false;
        foreach (JsonProperty property in json.EnumerateObject())
        {
            if (property.Name.Length != 8 ||
                !uint.TryParse(property.Name, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint value))
            {
                throw new DicomException($"DICOM JSON: '{property.Name}' is not an eight-digit hexadecimal tag.");
            }

            var tag = DicomTag.FromValue(value);
            JsonElement attribute = property.Value;
            DicomVR vr;
            if (attribute.TryGetProperty("vr", out JsonElement vrElement))
            {
                if (!DicomVRInfo.TryParse(vrElement.GetString() ?? string.Empty, out vr))
                {
                    throw new DicomException($"DICOM JSON: {tag} has the invalid vr \"{vrElement.GetString()}\".");
                }
            }
            else
            {
                // PS3.18 F.2.2 requires "vr", but real exports omit it: take the dictionary's, as an implicit VR reader would.
                vr = DicomDictionary.Lookup(tag)?.VR ?? DicomVR.UN;
                if (vr == DicomVR.UN && attribute.TryGetProperty("Value", out JsonElement probe) &&
                    probe.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String))
                {
                    vr = DicomVR.LO;
                }
            }

            if (vr == DicomVR.SQ)
            {
                var items = attribute.TryGetProperty("Value", out JsonElement list)
                    ? list.EnumerateArray().Select(i => Dataset(i, resolver, unresolved)).ToList()
                    : [];
                dataset.AddOrUpdate(new DicomSequence(tag, items));
                continue;
            }

            byte[]? bytes;
            try
            {
                bytes = Bytes(tag, vr, attribute, resolver, unresolved);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException)
            {
                throw new DicomException($"DICOM JSON: a value of {tag} ({vr.ToCode()}) cannot be read: {ex.Message}", ex);
            }

            if (bytes is null)
            {
                continue;
            }

            nonAscii |= vr.UsesSpecificCharacterSet() && bytes.Any(b => b > 0x7F);
            dataset.AddOrUpdate(new DicomElement(tag, vr, DicomBuffer.FromBytes(bytes)));
        }

        var characterSet = new DicomTag(0x0008, 0x0005);
        if (nonAscii && !dataset.Contains(characterSet))
        {
            dataset.AddOrUpdate(new DicomElement(characterSet, DicomVR.CS, DicomBuffer.FromBytes("ISO_IR 192"u8.ToArray())));
        }

        return dataset;
    }

    private static byte[]? Bytes(
        DicomTag tag, DicomVR vr, JsonElement attribute, Func<string, byte[]?>? resolver, List<DicomTag> unresolved)
    {
        if (attribute.TryGetProperty("InlineBinary", out JsonElement inline))
        {
            return Convert.FromBase64String(inline.GetString() ?? string.Empty);
        }

        if (attribute.TryGetProperty("BulkDataURI", out JsonElement uri))
        {
            byte[]? resolved = resolver?.Invoke(uri.GetString() ?? string.Empty);
            if (resolved is null)
            {
                unresolved.Add(tag);
            }

            return resolved;
        }

        if (!attribute.TryGetProperty("Value", out JsonElement values))
        {
            return [];
        }

        if (vr.IsString())
        {
            IEnumerable<string> texts = values.EnumerateArray().Select(v => v.ValueKind switch
            {
                JsonValueKind.String => v.GetString()!,
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.Null => string.Empty,
                JsonValueKind.Object when vr == DicomVR.PN => PersonName(v),
                _ => throw new DicomException($"DICOM JSON: {tag} has a {v.ValueKind} value where {vr.ToCode()} needs text."),
            });
            return Encoding.UTF8.GetBytes(string.Join('\\', texts));
        }

        var output = new List<byte>();
        Span<byte> buffer = stackalloc byte[8];
        foreach (JsonElement v in values.EnumerateArray())
        {
            switch (vr)
            {
                case DicomVR.US:
                    BinaryPrimitives.WriteUInt16LittleEndian(buffer, v.GetUInt16());
                    output.AddRange(buffer[..2]);
                    break;
                case DicomVR.SS:
                    BinaryPrimitives.WriteInt16LittleEndian(buffer, v.GetInt16());
                    output.AddRange(buffer[..2]);
                    break;
                case DicomVR.UL:
                    BinaryPrimitives.WriteUInt32LittleEndian(buffer, v.GetUInt32());
                    output.AddRange(buffer[..4]);
                    break;
                case DicomVR.SL:
                    BinaryPrimitives.WriteInt32LittleEndian(buffer, v.GetInt32());
                    output.AddRange(buffer[..4]);
                    break;
                case DicomVR.FL:
                    BinaryPrimitives.WriteSingleLittleEndian(buffer, v.GetSingle());
                    output.AddRange(buffer[..4]);
                    break;
                case DicomVR.FD:
                    BinaryPrimitives.WriteDoubleLittleEndian(buffer, v.GetDouble());
                    output.AddRange(buffer[..8]);
                    break;
                case DicomVR.SV:
                    BinaryPrimitives.WriteInt64LittleEndian(buffer, v.ValueKind == JsonValueKind.String
                        ? long.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetInt64());
                    output.AddRange(buffer[..8]);
                    break;
                case DicomVR.UV:
                    BinaryPrimitives.WriteUInt64LittleEndian(buffer, v.ValueKind == JsonValueKind.String
                        ? ulong.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetUInt64());
                    output.AddRange(buffer[..8]);
                    break;
                case DicomVR.AT:
                    uint at = uint.Parse(v.GetString()!, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                    BinaryPrimitives.WriteUInt16LittleEndian(buffer, (ushort)(at >> 16));
                    BinaryPrimitives.WriteUInt16LittleEndian(buffer[2..], (ushort)at);
                    output.AddRange(buffer[..4]);
                    break;
                default:
                    throw new DicomException($"DICOM JSON: {tag} has a \"Value\" array, which {vr.ToCode()} cannot carry.");
            }
        }

        return [.. output];
    }

    private static string PersonName(JsonElement name)
    {
        string Group(string key) => name.TryGetProperty(key, out JsonElement g) ? g.GetString() ?? string.Empty : string.Empty;
        return string.Join('=', new[] { Group("Alphabetic"), Group("Ideographic"), Group("Phonetic") }).TrimEnd('=');
    }
}
