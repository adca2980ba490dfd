using System.Globalization;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// Rigid (translation-only) alignment of two PET studies of one patient from their bodies, without CT. Each study's
/// image is its SUV divided by its body mask's tissue level, clamped to <see cref="AlignmentOptions.ClampTissueMultiple"/>
/// and zero outside the body mask: the outline, the lungs (low) and the liver and other organs (clamped high) are the
/// same for FDG and 89Zr-trastuzumab, while lesions, which change between visits, are capped. The translation
/// maximises the normalised cross-correlation of the reference's samples with the other image (trilinear): an
/// exhaustive search on a coarse grid centred on the difference of the body-mask centroids, then a hill climb whose
/// step is halved down to <see cref="AlignmentOptions.FinalStepMm"/>. Samples falling outside the other volume are left
/// out (so differing axial coverage does not bias it) and translations keeping less than
/// <see cref="AlignmentOptions.MinimumOverlap"/> of them are not considered. Rotation is not fitted.
/// </summary>
public static class BodyAligner
{
    public const string MethodName = "body image translation (NCC of SUV/tissue level clamped, inside the body masks)";

    public static RigidAlignment Align(SuvVolume reference, BodyMask referenceBody, SuvVolume moving, BodyMask movingBody, AlignmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(referenceBody);
        ArgumentNullException.ThrowIfNull(moving);
        ArgumentNullException.ThrowIfNull(movingBody);
        ArgumentNullException.ThrowIfNull(options);
        float[] movingImage = Image(moving, movingBody, options.ClampTissueMultiple);
        float[] referenceImage = Image(reference, referenceBody, options.ClampTissueMultiple);
        PatientVector start = Centroid(moving.Geometry, movingBody) - Centroid(reference.Geometry, referenceBody);
        var coarse = new AlignmentSamples(reference.Geometry, referenceImage, referenceBody, moving.Geometry, options.CoarseSamples);
        var fine = new AlignmentSamples(reference.Geometry, referenceImage, referenceBody, moving.Geometry, options.FineSamples);

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
                    (double score, _) = coarse.Correlation(t, movingImage, options.MinimumOverlap);
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
            return new RigidAlignment(start, double.NaN, 0, 0, MethodName, warnings);
        }

        (bestScore, _) = fine.Correlation(best, movingImage, options.MinimumOverlap);
        for (step /= 2; step >= options.FinalStepMm - 1e-9; step /= 2)
        {
            bool moved = true;
            for (int guard = 0; moved && guard < 64; guard++)
            {
                moved = false;
                PatientVector centre = best;
                for (int n = 0; n < 27; n++)
                {
                    var t = new PatientVector(centre.X + ((n % 3) - 1) * step, centre.Y + (((n / 3) % 3) - 1) * step, centre.Z + ((n / 9) - 1) * step);
                    (double score, _) = fine.Correlation(t, movingImage, options.MinimumOverlap);
                    if (score > bestScore + 1e-12)
                    {
                        bestScore = score;
                        best = t;
                        moved = true;
                    }
                }
            }
        }

        (double final, double overlap) = fine.Correlation(best, movingImage, options.MinimumOverlap);
        PatientVector offset = best - start;
        if (Math.Abs(offset.X) >= options.SearchXyMm || Math.Abs(offset.Y) >= options.SearchXyMm || Math.Abs(offset.Z) >= options.SearchZMm)
        {
            warnings.Add("the optimum lies on the border of the search range; the studies may be further apart than searched");
        }

        if (final < options.MinimumCorrelation)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"body images correlate only {final:0.###} at the optimum (below {options.MinimumCorrelation}); check the alignment"));
        }

        return new RigidAlignment(best, final, overlap, fine.Count, MethodName, warnings);
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
