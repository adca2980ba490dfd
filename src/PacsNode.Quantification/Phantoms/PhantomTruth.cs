namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// What a generated study should measure as; written beside it as <c>truth.json</c> (shape in the README).
/// <paramref name="PetOriginMm"/> is the centre of PET voxel (0, 0, 0); CT figures are 0 without a CT.
/// </summary>
public sealed record PhantomTruth(
    PhantomSpec Spec,
    double SuvBwFactor,
    double DecayedDoseBq,
    double UptakeSeconds,
    string StudyInstanceUid,
    string PetSeriesInstanceUid,
    string? CtSeriesInstanceUid,
    string FrameOfReferenceUid,
    (double X, double Y, double Z) PetOriginMm,
    int CtSliceCount,
    double CtPixelSpacingMm,
    IReadOnlyList<PhantomSphereTruth> Spheres,
    PhantomLiverTruth Liver)
{
    public double VoxelMillilitres => Spec.PixelSpacingMm * Spec.PixelSpacingMm * Spec.SliceSpacingMm / 1000;
}
