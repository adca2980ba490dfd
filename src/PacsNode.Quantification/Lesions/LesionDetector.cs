using System.Globalization;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Lesions;

/// <summary>
/// Automatic FDG lesion detection (DOMAIN.md section 4). The components of voxels ≥ the detection threshold are
/// labelled (26-connected) and each one's maximum, necessarily a 26-neighbourhood local maximum, is a candidate.
/// Candidates are taken hottest first; each gets the 26-connected VOI of voxels ≥ the method's cut (41% of its max
/// by default) that contains its maximum. A candidate is a lesion when its SUVpeak exceeds the threshold, its VOI is
/// at least the minimum volume, the VOI stays below the maximum volume and away from the liver reference sphere, and
/// its maximum is not inside a hotter candidate's VOI. Every candidate is returned, rejected ones with the reason.
/// </summary>
public sealed class LesionDetector
{
    private readonly IVolumeKernels _kernels;

    public LesionDetector(IVolumeKernels kernels)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        _kernels = kernels;
    }

    public LesionDetection Detect(SuvVolume volume, MeasurementContext context, LiverReference? liver, LesionDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var threshold = DetectionThreshold.From(liver, context.SulRatio, options.FallbackThresholdSuv);
        VolumeShape shape = GridShape.Of(volume.Geometry);
        int[] labels = new int[volume.Voxels.Length];
        int count = _kernels.LabelComponents(volume.Voxels, shape, (float)threshold.Suv, labels);
        LabelStatistics[] components = _kernels.Statistics(volume.Voxels, labels, count);
        int cap = (int)Math.Floor(options.MaximumVolumeMl / shape.VoxelMillilitres);
        var measurer = new VoiMeasurer(_kernels);
        var claimed = new HashSet<int>();
        var candidates = new List<LesionCandidate>();
        foreach (LabelStatistics component in components.OrderByDescending(c => c.Max).ThenBy(c => c.MaxIndex))
        {
            int seed = component.MaxIndex;
            (int x, int y, int z) = shape.Coordinates(seed);
            var candidate = new LesionCandidate
            {
                Id = string.Empty,
                SeedVoxel = (x, y, z),
                SeedMm = volume.Geometry.VoxelToPatient(x, y, z),
                SeedSuv = component.Max,
            };
            if (claimed.Contains(seed))
            {
                candidates.Add(candidate with { Rejection = CandidateRejection.InsideHotterCandidate, RejectionReason = "its maximum lies inside the VOI of a hotter candidate" });
                continue;
            }

            double cut = options.Method switch
            {
                VoiThresholdMethod.Percent41 => 0.41 * component.Max,
                VoiThresholdMethod.Percent50 => 0.5 * component.Max,
                VoiThresholdMethod.FixedSuv => options.FixedSuv,
                _ => threshold.Suv,
            };
            if (component.Max < cut)
            {
                candidates.Add(candidate with { Rejection = CandidateRejection.NoVoi, RejectionReason = Invariant($"the VOI cut SUV {cut:0.##} is above its maximum") });
                continue;
            }

            List<int>? grown = Grow(volume.Voxels, shape, seed, (float)cut, cap);
            if (grown is null)
            {
                candidates.Add(candidate with
                {
                    Rejection = CandidateRejection.MergedWithLargerStructure,
                    RejectionReason = Invariant($"its VOI grows beyond {options.MaximumVolumeMl:0.#} ml: merged with a larger structure"),
                });
                claimed.UnionWith(GrowAll(volume.Voxels, shape, seed, (float)cut));
                continue;
            }

            claimed.UnionWith(grown);
            var voi = new Voi("L", VoiSource.Auto, string.Empty, grown);
            VoiMetrics metrics = measurer.Measure(volume, grown, context);
            candidates.Add(Judge(candidate with { Voi = voi, Metrics = metrics }, metrics, grown, shape, volume.Geometry, threshold, liver, options));
        }

        LesionCandidate[] sorted = [.. candidates.OrderByDescending(c => c.SortPeak).ThenBy(c => shape.Index(c.SeedVoxel.X, c.SeedVoxel.Y, c.SeedVoxel.Z))];
        for (int i = 0; i < sorted.Length; i++)
        {
            string id = Invariant($"L{i + 1}");
            Voi? voi = sorted[i].Voi is { } v ? new Voi(id, VoiSource.Auto, Name(options.Method), v.Voxels) : null;
            sorted[i] = sorted[i] with { Id = id, Voi = voi };
        }

        return new LesionDetection(threshold, options.Method, sorted);
    }

    private static LesionCandidate Judge(
        LesionCandidate candidate, VoiMetrics metrics, List<int> voxels, VolumeShape shape, VolumeGeometry geometry,
        DetectionThreshold threshold, LiverReference? liver, LesionDetectionOptions options)
    {
        if (!(metrics.SuvPeak > threshold.Suv))
        {
            return candidate with
            {
                Rejection = CandidateRejection.PeakBelowThreshold,
                RejectionReason = Invariant($"SUVpeak {metrics.SuvPeak:0.##} does not exceed the threshold {threshold.Suv:0.##}"),
            };
        }

        if (metrics.MtvMl < options.MinimumVolumeMl)
        {
            return candidate with
            {
                Rejection = CandidateRejection.TooSmall,
                RejectionReason = Invariant($"VOI {metrics.MtvMl:0.###} ml is below {options.MinimumVolumeMl:0.#} ml"),
            };
        }

        if (liver is not null && voxels.Any(i => Distance(geometry, shape, i, liver.CentreMm) <= LiverReference.RadiusMm))
        {
            return candidate with
            {
                Rejection = CandidateRejection.MergedWithLargerStructure,
                RejectionReason = "its VOI reaches the liver reference sphere",
            };
        }

        return candidate;
    }

    private static double Distance(VolumeGeometry geometry, VolumeShape shape, int index, PatientVector point)
    {
        (int x, int y, int z) = shape.Coordinates(index);
        return (geometry.VoxelToPatient(x, y, z) - point).Length;
    }

    /// <summary>The 26-connected voxels ≥ cut containing the seed, ascending; null when there are more than <paramref name="cap"/>.</summary>
    private static List<int>? Grow(float[] values, VolumeShape shape, int seed, float cut, int cap)
    {
        List<int> region = GrowAll(values, shape, seed, cut, cap + 1);
        return region.Count > cap ? null : region;
    }

    private static List<int> GrowAll(float[] values, VolumeShape shape, int seed, float cut, int limit = int.MaxValue)
    {
        var seen = new HashSet<int> { seed };
        var queue = new Queue<int>();
        queue.Enqueue(seed);
        while (queue.Count > 0 && seen.Count < limit)
        {
            (int x, int y, int z) = shape.Coordinates(queue.Dequeue());
            for (int dz = -1; dz <= 1; dz++)
            {
                for (int dy = -1; dy <= 1; dy++)
                {
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy, nz = z + dz;
                        if (nx < 0 || ny < 0 || nz < 0 || nx >= shape.Columns || ny >= shape.Rows || nz >= shape.Slices)
                        {
                            continue;
                        }

                        int j = shape.Index(nx, ny, nz);
                        if (values[j] >= cut && seen.Add(j))
                        {
                            queue.Enqueue(j);
                        }
                    }
                }
            }
        }

        List<int> region = [.. seen];
        region.Sort();
        return region;
    }

    private static string Name(VoiThresholdMethod method) => method switch
    {
        VoiThresholdMethod.Percent41 => "41% of SUVmax",
        VoiThresholdMethod.Percent50 => "50% of SUVmax",
        VoiThresholdMethod.FixedSuv => "fixed SUV",
        _ => "PERCIST liver threshold",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
