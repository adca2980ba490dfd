using System.Globalization;

namespace PacsNode.Interop.Tests.Pipeline;

/// <summary>One NUM content item of a measurement group as pydicom printed it.</summary>
internal sealed record SrNumber(string TrackingId, string Concept, string Derivation, string Unit, double Value)
{
    public static SrNumber Parse(string line)
    {
        string[] f = line.TrimEnd('\r').Split('\t');
        return new SrNumber(f[0], f[1], f[2], f[3], double.Parse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
