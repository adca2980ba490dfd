namespace PacsNode.Quantification.Vois;

/// <summary>
/// What a measurement needs besides the volume and the VOI: the body mask for the background shell, the ratio that
/// turns SUVbw into SUL (lean body mass Janmahasatian / body weight, from <c>SuvFactors.NormaliserRatios</c>), or the
/// reason there is none, and whether the tracer is a glucose analogue (TLG is written for those only).
/// </summary>
public sealed record MeasurementContext(BodyMask Body, double? SulRatio, string? SulUnavailableReason, bool GlucoseTracer);
