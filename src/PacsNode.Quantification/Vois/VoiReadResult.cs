using System.Diagnostics.CodeAnalysis;

namespace PacsNode.Quantification.Vois;

/// <summary>The VOIs read from an RTSTRUCT or SEG, with notes on what was skipped, or the reason none could be read.</summary>
public sealed class VoiReadResult
{
    private VoiReadResult(IReadOnlyList<Voi>? vois, IReadOnlyList<string> notes, VoiFailureReason? reason, string? message)
    {
        Vois = vois;
        Notes = notes;
        Reason = reason;
        Message = message;
    }

    public IReadOnlyList<Voi>? Vois { get; }

    /// <summary>What was skipped and why (open contours, empty ROIs, contours off the volume).</summary>
    public IReadOnlyList<string> Notes { get; }

    public VoiFailureReason? Reason { get; }

    public string? Message { get; }

    [MemberNotNullWhen(true, nameof(Vois))]
    [MemberNotNullWhen(false, nameof(Reason), nameof(Message))]
    public bool IsSuccess => Vois is not null;

    public static VoiReadResult Success(IReadOnlyList<Voi> vois, IReadOnlyList<string> notes) => new(vois, notes, null, null);

    public static VoiReadResult Fail(VoiFailureReason reason, string message) => new(null, [], reason, message);

    public override string ToString() => IsSuccess ? $"{Vois.Count} VOIs" : $"{Reason}: {Message}";
}
