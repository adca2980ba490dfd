namespace PacsNode.Quantification.Assessment;

/// <summary>A lesion's EORTC category, the SUVmax values it rests on, their relative change, and how it was decided.</summary>
public sealed record EortcLesionResult(ResponseCategory Category, double BaselineSuvMax, double? FollowUpSuvMax, double? Change, string Basis);
