using System.Globalization;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Lesions;

/// <summary>
/// Finds the PERCIST liver reference (DOMAIN.md section 4) by a documented rule, not a segmentation:
/// <list type="number">
/// <item>Tissue level T = the body mask's tissue level; the patient's right is −x and superior +z (LPS).</item>
/// <item>Lung: body voxels below <see cref="LungFraction"/>·T. A slice is a lung slice when at least
/// <see cref="LungSliceShare"/> of the body voxels in its right half are lung; the lung base is the most inferior
/// slice of the longest run of lung slices. Without lung slices the whole right half is searched (noted).</item>
/// <item>Candidate centres on a <see cref="GridStepMm"/> grid: right of the body's centroid, from the lung base down
/// to <see cref="SearchDepthMm"/> below it, with the whole 15 mm sphere inside the volume and inside the body.</item>
/// <item>Among candidates whose sphere mean lies in [<see cref="BandLow"/>·T, <see cref="BandHigh"/>·T] (moderate
/// uptake: above soft tissue, below hot lesions and urine), the lowest coefficient of variation (SD / mean) wins.</item>
/// </list>
/// The centre can be given instead (<see cref="At"/>), as a reader's override.
/// </summary>
public sealed class LiverReferenceFinder
{
    public const double LungFraction = 0.5;

    public const double LungSliceShare = 0.15;

    public const double SearchDepthMm = 150;

    public const double BandLow = 1.3;

    public const double BandHigh = 8;

    public const double GridStepMm = 6;

    private readonly IVolumeKernels _kernels;

    public LiverReferenceFinder(IVolumeKernels kernels)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        _kernels = kernels;
    }

    public LiverSearch Find(SuvVolume volume, BodyMask body, double? sulRatio)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(body);
        var notes = new List<string>();
        VolumeGeometry g = volume.Geometry;
        VolumeShape shape = GridShape.Of(g);
        double tissue = body.TissueLevel;
        if (body.VoxelCount == 0 || !(tissue > 0))
        {
            return LiverSearch.NotFound("the volume has no body", notes);
        }

        double centroidX = BodyCentroidX(g, shape, body);
        (double? baseZ, int lungSlices) = LungBase(volume, shape, body, centroidX, tissue);
        if (baseZ is null)
        {
            notes.Add("no lung slices found: the whole right half of the body was searched");
        }
        else
        {
            notes.Add(Invariant($"lung base at z = {baseZ:0.#} mm ({lungSlices} lung slices)"));
        }

        List<int> candidates = Candidates(g, shape, body, centroidX, baseZ);
        if (candidates.Count == 0)
        {
            return LiverSearch.NotFound("no 3 cm sphere below the right lung lies wholly inside the body and the volume", notes);
        }

        var crop = VolumeCrop.Around(shape, candidates, LiverReference.RadiusMm);
        float[] values = crop.Copy<float>(volume.Voxels);
        float[] inside = [.. crop.Copy<byte>(body.Mask).Select(b => (float)b)];
        int[] centres = [.. candidates.Select(crop.ToCrop)];
        float[] bodyShare = new float[centres.Length];
        float[] unused = new float[centres.Length];
        _kernels.SphereStatistics(inside, crop.Shape, LiverReference.RadiusMm, centres, bodyShare, unused);
        float[] means = new float[centres.Length];
        float[] deviations = new float[centres.Length];
        _kernels.SphereStatistics(values, crop.Shape, LiverReference.RadiusMm, centres, means, deviations);
        int best = -1;
        int inBand = 0;
        for (int i = 0; i < centres.Length; i++)
        {
            if (bodyShare[i] < 1 || means[i] < BandLow * tissue || means[i] > BandHigh * tissue)
            {
                continue;
            }

            inBand++;
            if (best < 0 || deviations[i] / means[i] < deviations[best] / means[best])
            {
                best = i;
            }
        }

        notes.Add(Invariant($"{candidates.Count} candidate centres, {inBand} wholly in the body with mean SUV in [{BandLow * tissue:0.##}, {BandHigh * tissue:0.##}]"));
        if (best < 0)
        {
            return LiverSearch.NotFound(Invariant($"no candidate sphere has a mean SUV in [{BandLow * tissue:0.##}, {BandHigh * tissue:0.##}] (tissue level {tissue:0.##})"), notes);
        }

        (int x, int y, int z) = shape.Coordinates(candidates[best]);
        return LiverSearch.Found(Reference(g, (x, y, z), means[best], deviations[best], sulRatio, automatic: true), notes);
    }

    /// <summary>The reference sphere at a given centre (a reader's override), snapped to the nearest voxel centre.</summary>
    public LiverSearch At(SuvVolume volume, PatientVector centre, double? sulRatio)
    {
        ArgumentNullException.ThrowIfNull(volume);
        VolumeGeometry g = volume.Geometry;
        (double fx, double fy, double fz) = g.PatientToVoxel(centre);
        int x = (int)Math.Round(fx), y = (int)Math.Round(fy), z = (int)Math.Round(fz);
        if (x < 0 || y < 0 || z < 0 || x >= g.Columns || y >= g.Rows || z >= g.SliceCount)
        {
            return LiverSearch.NotFound(Invariant($"the given liver centre ({centre.X:0.#}, {centre.Y:0.#}, {centre.Z:0.#}) mm is outside the PET volume"), []);
        }

        VolumeShape shape = GridShape.Of(g);
        float[] mean = new float[1];
        float[] sd = new float[1];
        _kernels.SphereStatistics(volume.Voxels, shape, LiverReference.RadiusMm, [shape.Index(x, y, z)], mean, sd);
        return LiverSearch.Found(Reference(g, (x, y, z), mean[0], sd[0], sulRatio, automatic: false), ["liver centre given by the reader"]);
    }

    private static LiverReference Reference(VolumeGeometry g, (int X, int Y, int Z) v, double mean, double sd, double? sulRatio, bool automatic) =>
        new(g.VoxelToPatient(v.X, v.Y, v.Z), v, mean, sd, sulRatio * mean, sulRatio * sd, automatic);

    private static double BodyCentroidX(VolumeGeometry g, VolumeShape shape, BodyMask body)
    {
        double sx = 0, sy = 0, sz = 0;
        long n = 0;
        for (int i = 0; i < body.Mask.Length; i++)
        {
            if (body.Mask[i] != 0)
            {
                (int x, int y, int z) = shape.Coordinates(i);
                sx += x;
                sy += y;
                sz += z;
                n++;
            }
        }

        return g.VoxelToPatient(sx / n, sy / n, sz / n).X;
    }

    private static (double? BaseZ, int Count) LungBase(SuvVolume volume, VolumeShape shape, BodyMask body, double centroidX, double tissue)
    {
        VolumeGeometry g = volume.Geometry;
        bool[] lung = new bool[shape.Slices];
        double lungLevel = LungFraction * tissue;
        for (int z = 0; z < shape.Slices; z++)
        {
            long total = 0, low = 0;
            for (int y = 0; y < shape.Rows; y++)
            {
                for (int x = 0; x < shape.Columns; x++)
                {
                    int i = shape.Index(x, y, z);
                    if (body.Mask[i] == 0 || g.VoxelToPatient(x, y, z).X >= centroidX)
                    {
                        continue;
                    }

                    total++;
                    if (volume.Voxels[i] < lungLevel)
                    {
                        low++;
                    }
                }
            }

            lung[z] = total > 0 && low >= LungSliceShare * total;
        }

        int bestStart = -1, bestLength = 0;
        for (int z = 0; z < lung.Length; z++)
        {
            if (!lung[z] || (z > 0 && lung[z - 1]))
            {
                continue;
            }

            int end = z;
            while (end + 1 < lung.Length && lung[end + 1])
            {
                end++;
            }

            if (end - z + 1 > bestLength)
            {
                (bestStart, bestLength) = (z, end - z + 1);
            }
        }

        if (bestStart < 0)
        {
            return (null, 0);
        }

        double first = g.VoxelToPatient(0, 0, bestStart).Z;
        double last = g.VoxelToPatient(0, 0, bestStart + bestLength - 1).Z;
        return (Math.Min(first, last), bestLength);
    }

    private static List<int> Candidates(VolumeGeometry g, VolumeShape shape, BodyMask body, double centroidX, double? baseZ)
    {
        double r = LiverReference.RadiusMm;
        int stepX = Math.Max(1, (int)Math.Round(GridStepMm / shape.SpacingX));
        int stepY = Math.Max(1, (int)Math.Round(GridStepMm / shape.SpacingY));
        int stepZ = Math.Max(1, (int)Math.Round(GridStepMm / shape.SpacingZ));
        int mx = (int)Math.Ceiling(r / shape.SpacingX), my = (int)Math.Ceiling(r / shape.SpacingY), mz = (int)Math.Ceiling(r / shape.SpacingZ);
        var result = new List<int>();
        for (int z = mz; z < shape.Slices - mz; z += stepZ)
        {
            for (int y = my; y < shape.Rows - my; y += stepY)
            {
                for (int x = mx; x < shape.Columns - mx; x += stepX)
                {
                    PatientVector p = g.VoxelToPatient(x, y, z);
                    if (p.X >= centroidX || (baseZ is { } b && (p.Z > b || p.Z < b - SearchDepthMm)) || body.Mask[shape.Index(x, y, z)] == 0)
                    {
                        continue;
                    }

                    result.Add(shape.Index(x, y, z));
                }
            }
        }

        return result;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
