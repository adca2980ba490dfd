using System.Text.RegularExpressions;

namespace PacsNode.Interop.Tests.Dicom;

/// <summary>One element line of a dcmdump (or pacsnode dump) listing.</summary>
internal sealed record DumpLine(int Depth, string Tag, string VR, string Value, string Name)
{
    public bool IsPrivate => Convert.ToUInt16(Tag[1..5], 16) is var g && (g & 1) == 1 && g > 8;

    public bool IsDelimiterOrItem => Tag.StartsWith("(fffe,", StringComparison.Ordinal);

    public bool IsGroupLength => Tag.EndsWith(",0000)", StringComparison.Ordinal);

    public bool IsMeta => Tag.StartsWith("(0002,", StringComparison.Ordinal);

    public override string ToString() => $"{new string(' ', Depth * 2)}{Tag} {VR} {Value}";
}

/// <summary>Parses dcmdump's listing format, which pacsnode dump follows too.</summary>
internal static partial class DcmdumpListing
{
    [GeneratedRegex(@"^(?<indent> *)(?<tag>\([0-9a-fA-F]{4},[0-9a-fA-F]{4}\)) (?<vr>\S\S) (?<value>.*?)\s*#\s*(?<len>[^,\s]+),\s*(?<vm>\S+) ?(?<name>.*)$")]
    private static partial Regex LinePattern();

    public static List<DumpLine> Parse(string listing)
    {
        var lines = new List<DumpLine>();
        foreach (string raw in listing.Split('\n'))
        {
            Match m = LinePattern().Match(raw.TrimEnd('\r'));
            if (!m.Success)
            {
                continue;
            }

            lines.Add(new DumpLine(m.Groups["indent"].Length / 2, m.Groups["tag"].Value.ToLowerInvariant(),
                m.Groups["vr"].Value, m.Groups["value"].Value, m.Groups["name"].Value.Trim()));
        }

        return lines;
    }

    /// <summary>
    /// The dataset lines that must survive any re-encoding: no meta group, no group lengths (recomputed on
    /// write), optionally no private elements with everything nested in them.
    /// </summary>
    public static List<DumpLine> Comparable(IEnumerable<DumpLine> lines, bool dropPrivate)
    {
        var kept = new List<DumpLine>();
        int? skipDeeperThan = null;
        foreach (DumpLine line in lines)
        {
            if (skipDeeperThan is { } depth)
            {
                if (line.Depth > depth || (line.Depth == depth && line.Tag == "(fffe,e0dd)"))
                {
                    continue;
                }

                skipDeeperThan = null;
            }

            if (line.IsMeta || line.IsGroupLength)
            {
                continue;
            }

            if (dropPrivate && line.IsPrivate)
            {
                skipDeeperThan = line.Depth;
                continue;
            }

            kept.Add(line);
        }

        return kept;
    }

    /// <summary>
    /// Replaces the values dcmdump +W wrote out to files (printed "=/path", truncated when long) with the
    /// files' contents as a hex SHA-256 and length; dcmdump names them FILE.0.raw, FILE.1.raw, … in order.
    /// </summary>
    public static async Task<List<DumpLine>> ResolveRawValuesAsync(
        IEnumerable<DumpLine> lines, string folder, string dumpedFile, CancellationToken ct)
    {
        var result = new List<DumpLine>();
        int index = 0;
        foreach (DumpLine line in lines)
        {
            if (line.Value.StartsWith("=/", StringComparison.Ordinal))
            {
                string raw = System.IO.Path.Combine(folder, $"{System.IO.Path.GetFileName(dumpedFile)}.{index++}.raw");
                byte[] bytes = await File.ReadAllBytesAsync(raw, ct);
                result.Add(line with
                {
                    Value = $"<{bytes.Length} bytes sha256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))}>",
                });
            }
            else
            {
                result.Add(line);
            }
        }

        return result;
    }

    /// <summary>
    /// A line as compared: for sequences, items and delimiters only the item count, since whether a sequence is
    /// written with explicit or undefined length is an encoding choice (dcmdjpeg and storescu, for two, change it).
    /// </summary>
    public static string Normalise(DumpLine line) => line.VR is "SQ" or "na"
        ? $"{line.Depth} {line.Tag} {line.VR} {System.Text.RegularExpressions.Regex.Match(line.Value, "#=[0-9]+").Value}"
        : line.ToString();
}
