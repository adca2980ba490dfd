using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PacsNode.Pipeline.Jobs;

/// <summary>
/// The JSON of the job row's <c>timings</c> (an object, stage → milliseconds with 0.1 ms resolution, in the order
/// recorded) and <c>result_instances</c> (an array of UIDs) columns.
/// </summary>
internal static class TimingsJson
{
    public static string Write(IEnumerable<KeyValuePair<string, TimeSpan>> stages) =>
        WriteMilliseconds(stages.Select(s => KeyValuePair.Create(s.Key, Math.Round(s.Value.TotalMilliseconds, 1))));

    /// <summary>The stages in <paramref name="existing"/>, those of <paramref name="stages"/> replacing equal names.</summary>
    public static string Merge(string? existing, IEnumerable<KeyValuePair<string, TimeSpan>> stages)
    {
        List<KeyValuePair<string, double>> merged = [.. Read(existing)];
        foreach ((string name, TimeSpan elapsed) in stages)
        {
            var value = KeyValuePair.Create(name, Math.Round(elapsed.TotalMilliseconds, 1));
            int index = merged.FindIndex(m => string.Equals(m.Key, name, StringComparison.Ordinal));
            if (index < 0)
            {
                merged.Add(value);
            }
            else
            {
                merged[index] = value;
            }
        }

        return WriteMilliseconds(merged);
    }

    public static IReadOnlyList<KeyValuePair<string, double>> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetDouble()))];
    }

    public static string WriteList(IEnumerable<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<string> ReadList(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];
    }

    private static string WriteMilliseconds(IEnumerable<KeyValuePair<string, double>> stages)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach ((string name, double milliseconds) in stages)
            {
                writer.WriteNumber(name, milliseconds);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
