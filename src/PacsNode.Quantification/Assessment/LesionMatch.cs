namespace PacsNode.Quantification.Assessment;

/// <summary>
/// One outcome of matching: a baseline lesion with its follow-up lesion, a baseline lesion not found again
/// (<see cref="FollowUpIndex"/> null: disappeared), or a follow-up lesion without a baseline one (new).
/// </summary>
/// <param name="BaselineIndex">Index in the baseline list, or null for a new lesion.</param>
/// <param name="FollowUpIndex">Index in the follow-up list, or null for a disappeared lesion.</param>
/// <param name="DistanceMm">Distance between the follow-up position and the aligned baseline position, when matched.</param>
/// <param name="ByReaderIdentifier">Matched through equal reader tracking identifiers.</param>
public sealed record LesionMatch(int? BaselineIndex, int? FollowUpIndex, double? DistanceMm, bool ByReaderIdentifier);
