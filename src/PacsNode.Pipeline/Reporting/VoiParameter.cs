using System.Diagnostics.CodeAnalysis;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Pipeline.Reporting;

/// <summary>
/// The TID 4019 algorithm parameter "VOI" of a per-series report: which VOIs it measured. Written by
/// <see cref="PetReportProcessor"/> (the detection threshold, or "reader RTSTRUCT uid" / "reader SEG uid") and read back by
/// the patient step, which measures each PET series on the same VOIs as its current report; both go through here.
/// </summary>
internal static class VoiParameter
{
    public const string Name = "VOI";

    private const string RtStructPrefix = "reader RTSTRUCT ";
    private const string SegPrefix = "reader SEG ";

    /// <summary>The parameter for a reader's object.</summary>
    public static AlgorithmParameter Reader(bool isRtStruct, string sopInstanceUid) =>
        new(Name, (isRtStruct ? RtStructPrefix : SegPrefix) + sopInstanceUid);

    /// <summary>The parameter for automatic detection, described by its threshold.</summary>
    public static AlgorithmParameter Automatic(string threshold) => new(Name, threshold);

    /// <summary>The reader's object a report's algorithm names; false for automatic detection or no parameter.</summary>
    public static bool TryReadReader(AlgorithmIdentification? algorithm, out bool isRtStruct, [NotNullWhen(true)] out string? sopInstanceUid)
    {
        string? value = algorithm?.Parameters.FirstOrDefault(p => string.Equals(p.Name, Name, StringComparison.Ordinal))?.Value;
        isRtStruct = value?.StartsWith(RtStructPrefix, StringComparison.Ordinal) == true;
        bool isSeg = value?.StartsWith(SegPrefix, StringComparison.Ordinal) == true;
        sopInstanceUid = isRtStruct ? value![RtStructPrefix.Length..].Trim() : isSeg ? value![SegPrefix.Length..].Trim() : null;
        return sopInstanceUid is { Length: > 0 };
    }
}
