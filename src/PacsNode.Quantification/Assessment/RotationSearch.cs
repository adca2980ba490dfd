namespace PacsNode.Quantification.Assessment;

/// <summary>The samples and moving image the rotation of <see cref="BodyAligner"/> is fitted on (smoothed copies).</summary>
internal sealed record RotationSearch(AlignmentSamples Coarse, AlignmentSamples Fine, float[] MovingImage);
