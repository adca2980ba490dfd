using System.Globalization;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Rigid alignment (translation, then rotation) of two PET studies of one patient from their bodies, without CT. Each
/// study's image is its SUV divided by its body mask's tissue level, clamped to
/// <see cref="AlignmentOptions.ClampTissueMultiple"/> and zero outside the body mask: the outline, the lungs (low) and the
/// liver and other organs (clamped high) are the same for FDG and 89Zr-trastuzumab, while lesions, which change between
/// visits, are capped. The transform maximises the normalised cross-correlation of the reference's samples with the
/// other image (trilinear). Translation: an exhaustive search on a coarse grid centred on the difference of the
/// body-mask centroids, then a hill climb whose step is halved down to <see cref="AlignmentOptions.FinalStepMm"/>.
/// Rotation (about the reference body's centroid, see <see cref="RigidAlignment"/>), on both images smoothed to
/// <see cref="AlignmentOptions.RotationSmoothingFwhmMm"/> (on sharp voxelised images the interpolation favours no
/// rotation): an exhaustive coarse grid of angles at that translation, then a pattern search over the angles and the
/// translation together, steps halved down to <see cref="AlignmentOptions.FinalRotationStepDegrees"/>; kept only when
/// it raises the correlation by <see cref="AlignmentOptions.MinimumRotationGain"/>. Samples falling outside the other
/// volume are left out (so differing axial coverage does not bias it) and transforms keeping less than
/// <see cref="AlignmentOptions.MinimumOverlap"/> of them are not considered.
/// </summary>
public static partial class BodyAligner
{
    public const string TranslationMethod = "body outline, translation only (NCC of SUV/tissue level clamped, inside the body masks)";

    public const string RigidMethod = "body outline, translation + rotation about the body centroid (NCC of SUV/tissue level clamped, inside the body masks)";

    public static RigidAlignment Align(SuvVolume reference, BodyMask referenceBody, SuvVolume moving, BodyMask movingBody, AlignmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(referenceBody);
        ArgumentNullException.ThrowIfNull(moving);
        ArgumentNullException.ThrowIfNull(movingBody);
        ArgumentNullException.ThrowIfNull(options);
        float[] movingImage = Image(moving, movingBody, options.ClampTissueMultiple);
        float[] referenceImage = Image(reference, referenceBody, options.ClampTissueMultiple);
        PatientVector centre = Centroid(reference.Geometry, referenceBody);
        PatientVector start = Centroid(moving.Geometry, movingBody) - centre;
        var coarse = new AlignmentSamples(reference.Geometry, referenceImage, referenceBody, moving.Geometry, options.CoarseSamples, centre);
        var fine = new AlignmentSamples(reference.Geometry, referenceImage, referenceBody, moving.Geometry, options.FineSamples, centre);
        RotationMatrix none = RotationMatrix.Identity;

        double step = options.CoarseStepMm;
        int nxy = (int)Math.Floor(options.SearchXyMm / step), nz = (int)Math.Floor(options.SearchZMm / step);
        PatientVector best = start;
        double bestScore = double.NegativeInfinity;
        for (int k = -nz; k <= nz; k++)
        {
            for (int j = -nxy; j <= nxy; j++)
            {
                for (int i = -nxy; i <= nxy; i++)
                {
                    var t = new PatientVector(start.X + (i * step), start.Y + (j * step), start.Z + (k * step));
                    (double score, _) = coarse.Correlation(none, t, movingImage, options.MinimumOverlap);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = t;
                    }
                }
            }
        }

        var warnings = new List<string>();
        if (double.IsNegativeInfinity(bestScore))
        {
            warnings.Add("no translation in the search range overlaps the studies enough; the translation is the body centroid difference");
            return new RigidAlignment(start, default, centre, double.NaN, 0, 0, TranslationMethod, warnings);
        }

        (bestScore, _) = fine.Correlation(none, best, movingImage, options.MinimumOverlap);
        for (step /= 2; step >= options.FinalStepMm - 1e-9; step /= 2)
        {
            bool moved = true;
            for (int guard = 0; moved && guard < 64; guard++)
            {
                moved = false;
                PatientVector middle = best;
                for (int n = 0; n < 27; n++)
                {
                    var t = new PatientVector(middle.X + ((n % 3) - 1) * step, middle.Y + (((n / 3) % 3) - 1) * step, middle.Z + ((n / 9) - 1) * step);
                    (double score, _) = fine.Correlation(none, t, movingImage, options.MinimumOverlap);
                    if (score > bestScore + 1e-12)
                    {
                        bestScore = score;
                        best = t;
                        moved = true;
                    }
                }
            }
        }

        (double final, double overlap) = fine.Correlation(none, best, movingImage, options.MinimumOverlap);
        var result = new RigidAlignment(best, default, centre, final, overlap, fine.Count, TranslationMethod, warnings);
        if (options.MaximumRotationDegrees > 0)
        {
            float[] smoothReference = Smoothed(referenceImage, reference.Geometry, options.RotationSmoothingFwhmMm);
            float[] smoothMoving = Smoothed(movingImage, moving.Geometry, options.RotationSmoothingFwhmMm);
            var smooth = new RotationSearch(
                new AlignmentSamples(reference.Geometry, smoothReference, referenceBody, moving.Geometry, options.CoarseSamples, centre),
                new AlignmentSamples(reference.Geometry, smoothReference, referenceBody, moving.Geometry, options.FineSamples, centre),
                smoothMoving);
            result = RefineRotation(result, smooth, fine, movingImage, options, warnings);
        }

        PatientVector offset = result.TranslationMm - start;
        if (Math.Abs(offset.X) >= options.SearchXyMm || Math.Abs(offset.Y) >= options.SearchXyMm || Math.Abs(offset.Z) >= options.SearchZMm)
        {
            warnings.Add("the optimum lies on the border of the search range; the studies may be further apart than searched");
        }

        if (result.Correlation < options.MinimumCorrelation)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"body images correlate only {result.Correlation:0.###} at the optimum (below {options.MinimumCorrelation}); check the alignment"));
        }

        return result;
    }

    /// <summary>A smoothed copy of an alignment image (the image itself when the FWHM is 0).</summary>
    private static float[] Smoothed(float[] image, VolumeGeometry geometry, double fwhmMm)
    {
        if (fwhmMm <= 0)
        {
            return image;
        }

        float[] copy = (float[])image.Clone();
        GaussianSmoothing.Apply(copy, (geometry.Columns, geometry.Rows, geometry.SliceCount),
            (geometry.ColumnSpacing, geometry.RowSpacing, geometry.SliceSpacing), fwhmMm, renormaliseAtEdges: true);
        return copy;
    }

    /// <summary>SUV / tissue level, clamped to [0, clamp], zero outside the body mask.</summary>
    internal static float[] Image(SuvVolume volume, BodyMask body, double clamp)
    {
        float[] image = new float[volume.Voxels.Length];
        double scale = body.TissueLevel > 0 ? 1 / body.TissueLevel : 1;
        for (int i = 0; i < image.Length; i++)
        {
            image[i] = body.Mask[i] == 0 ? 0 : (float)Math.Clamp(volume.Voxels[i] * scale, 0, clamp);
        }

        return image;
    }

    internal static PatientVector Centroid(VolumeGeometry geometry, BodyMask body)
    {
        double sx = 0, sy = 0, sz = 0;
        long n = 0;
        int plane = geometry.Columns * geometry.Rows;
        for (int i = 0; i < body.Mask.Length; i++)
        {
            if (body.Mask[i] != 0)
            {
                sx += i % geometry.Columns;
                sy += (i / geometry.Columns) % geometry.Rows;
                sz += i / plane;
                n++;
            }
        }

        return n == 0 ? geometry.VoxelToPatient((geometry.Columns - 1) / 2.0, (geometry.Rows - 1) / 2.0, (geometry.SliceCount - 1) / 2.0)
            : geometry.VoxelToPatient(sx / n, sy / n, sz / n);
    }
}
