using PacsNode.Quantification.Vois;

namespace PacsNode.Quantification.Lesions;

/// <summary>A VOI with its metrics.</summary>
public sealed record MeasuredVoi(Voi Voi, VoiMetrics Metrics);
