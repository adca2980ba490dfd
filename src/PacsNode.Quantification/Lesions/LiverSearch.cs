using System.Diagnostics.CodeAnalysis;

namespace PacsNode.Quantification.Lesions;

/// <summary>The liver reference, or why none was found, with the notes of the search (lung base, candidates, band).</summary>
public sealed class LiverSearch
{
    private LiverSearch(LiverReference? liver, string? reason, IReadOnlyList<string> notes)
    {
        Liver = liver;
        Reason = reason;
        Notes = notes;
    }

    public LiverReference? Liver { get; }

    public string? Reason { get; }

    public IReadOnlyList<string> Notes { get; }

    [MemberNotNullWhen(true, nameof(Liver))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsFound => Liver is not null;

    public static LiverSearch Found(LiverReference liver, IReadOnlyList<string> notes) => new(liver, null, notes);

    public static LiverSearch NotFound(string reason, IReadOnlyList<string> notes) => new(null, reason, notes);
}
