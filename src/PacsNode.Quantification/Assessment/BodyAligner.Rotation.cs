using System.Globalization;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Assessment;

/// <summary>The rotation refinement of <see cref="BodyAligner"/>.</summary>
public static partial class BodyAligner
{
    /// <summary>
    /// From the best translation, on the smoothed images (<see cref="AlignmentOptions.RotationSmoothingFwhmMm"/>): the
    /// angles of a coarse grid (±<see cref="AlignmentOptions.MaximumRotationDegrees"/> in
    /// <see cref="AlignmentOptions.CoarseRotationStepDegrees"/> steps, about z only or all three axes) scored at that
    /// translation on the coarse samples; then, from the best of them, a pattern search on the fine samples over the
    /// angles and the translation together (<see cref="PatternSearch"/>). The same pattern search over the translation
    /// alone gives the reference: the rotation is kept only when it raises the correlation by at least
    /// <see cref="AlignmentOptions.MinimumRotationGain"/> over it (so neither the finer steps nor the smoothing are
    /// mistaken for a rotation); otherwise the translation-only result is returned unchanged. The correlation reported
    /// is that of the unsmoothed images, as for the translation only.
    /// </summary>
    private static RigidAlignment RefineRotation(
        RigidAlignment translationOnly, RotationSearch smooth, AlignmentSamples fine, float[] movingImage, AlignmentOptions options, List<string> warnings)
    {
        double max = options.MaximumRotationDegrees;
        double step = Math.Min(options.CoarseRotationStepDegrees, max);
        int n = (int)Math.Floor((max / step) + 1e-9), nxy = options.RotateAboutAllAxes ? n : 0;
        PatientVector t = translationOnly.TranslationMm;
        PatientVector angles = default;
        double score = double.NegativeInfinity;
        for (int a = -nxy; a <= nxy; a++)
        {
            for (int b = -nxy; b <= nxy; b++)
            {
                for (int g = -n; g <= n; g++)
                {
                    var candidate = new PatientVector(a * step, b * step, g * step);
                    (double s, _) = smooth.Coarse.Correlation(RotationMatrix.FromDegrees(candidate), t, smooth.MovingImage, options.MinimumOverlap);
                    if (s > score)
                    {
                        (score, angles) = (s, candidate);
                    }
                }
            }
        }

        double[] p = [angles.X, angles.Y, angles.Z, t.X, t.Y, t.Z];
        double rotated = PatternSearch(smooth.Fine, p, options.RotateAboutAllAxes ? [0, 1, 2, 3, 4, 5] : [2, 3, 4, 5], step / 2, smooth.MovingImage, options);

        // The same search over the translation alone, so the gain compared is the rotation's, not the finer steps'.
        double[] q = [0, 0, 0, t.X, t.Y, t.Z];
        double translationRefined = PatternSearch(smooth.Fine, q, [3, 4, 5], step / 2, smooth.MovingImage, options);

        var rotation = new PatientVector(p[0], p[1], p[2]);
        var translation = new PatientVector(p[3], p[4], p[5]);
        (double final, double overlap) = fine.Correlation(RotationMatrix.FromDegrees(rotation), translation, movingImage, options.MinimumOverlap);
        double gain = rotated - translationRefined;
        IFormatProvider inv = CultureInfo.InvariantCulture;
        if (double.IsNaN(gain) || gain < options.MinimumRotationGain)
        {
            return translationOnly with
            {
                Method = TranslationMethod + string.Create(inv,
                    $"; the best rotation within ±{max:0.#}°, ({rotation.X:0.00}, {rotation.Y:0.00}, {rotation.Z:0.00})°, gained NCC ")
                    + string.Create(inv, $"{gain:+0.0000;-0.0000} (images smoothed to {options.RotationSmoothingFwhmMm:0.#} mm FWHM) < {options.MinimumRotationGain}: not kept"),
                TranslationOnlyCorrelation = translationOnly.Correlation,
            };
        }

        if (Math.Abs(rotation.X) >= max - 1e-9 || Math.Abs(rotation.Y) >= max - 1e-9 || Math.Abs(rotation.Z) >= max - 1e-9)
        {
            warnings.Add(string.Create(inv, $"the rotation optimum lies on the border of the search range (±{max:0.#}°); the patient may be turned further than searched"));
        }

        return translationOnly with
        {
            TranslationMm = translation,
            RotationDegrees = rotation,
            Correlation = final,
            OverlapFraction = overlap,
            Method = RigidMethod + string.Create(inv, $"; rotation {(options.RotateAboutAllAxes ? "about x, y and z" : "about z only")} within ±{max:0.#}°")
                + string.Create(inv, $", fitted on the images smoothed to {options.RotationSmoothingFwhmMm:0.#} mm FWHM, where it gained NCC {gain:+0.0000;-0.0000}"),
            TranslationOnlyCorrelation = translationOnly.Correlation,
        };
    }

    /// <summary>
    /// Pattern search on p (angles x, y, z in degrees, then translation in mm) over the free parameters: each ± its step,
    /// the first improving move taken, until none improves; then both steps halved, the angle step from
    /// <paramref name="angleStep"/> and the translation step from a quarter of the coarse translation step, down to
    /// <see cref="AlignmentOptions.FinalRotationStepDegrees"/>. Angles stay within the search range. Returns the score.
    /// </summary>
    private static double PatternSearch(AlignmentSamples fine, double[] p, int[] free, double angleStep, float[] movingImage, AlignmentOptions options)
    {
        double max = options.MaximumRotationDegrees;
        double score = Score(fine, p, movingImage, options);
        for (double translationStep = options.CoarseStepMm / 4; angleStep >= options.FinalRotationStepDegrees - 1e-9; angleStep /= 2, translationStep /= 2)
        {
            bool moved = true;
            for (int guard = 0; moved && guard < 64; guard++)
            {
                moved = false;
                foreach (int k in free)
                {
                    foreach (int sign in (ReadOnlySpan<int>)[1, -1])
                    {
                        double old = p[k];
                        p[k] = old + (sign * (k < 3 ? angleStep : translationStep));
                        double s = k < 3 && Math.Abs(p[k]) > max + 1e-9 ? double.NegativeInfinity : Score(fine, p, movingImage, options);
                        if (s > score + 1e-12)
                        {
                            score = s;
                            moved = true;
                            break;
                        }

                        p[k] = old;
                    }
                }
            }
        }

        return score;
    }

    private static double Score(AlignmentSamples samples, double[] p, float[] movingImage, AlignmentOptions options) =>
        samples.Correlation(RotationMatrix.FromDegrees(new PatientVector(p[0], p[1], p[2])), new PatientVector(p[3], p[4], p[5]), movingImage, options.MinimumOverlap).Score;
}
