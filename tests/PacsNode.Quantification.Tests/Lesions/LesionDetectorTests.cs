using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Lesions;

/// <summary>
/// Detection on <see cref="SyntheticTorso"/> (4 mm voxels: 0.064 ml; the SUVpeak sphere holds the 19 voxels within
/// one face or edge step of its centre).
/// </summary>
public sealed class LesionDetectorTests
{
    private static readonly ReferenceKernels Kernels = new();

    [Fact]
    public void Detect_TorsoWithLiver_ReportsEveryCandidateWithItsReason()
    {
        SuvVolume torso = SyntheticTorso.Create();
        var body = BodyMask.Compute(torso, Kernels);
        LiverSearch liver = new LiverReferenceFinder(Kernels).Find(torso, body, 0.8);
        Assert.True(liver.IsFound);

        LesionDetection detection = new LesionDetector(Kernels).Detect(torso, new MeasurementContext(body, 0.8, null, true), liver.Liver, new LesionDetectionOptions());

        // Liver ≈ 2.04 ± 0.01 SUV → SUL 1.63: threshold 1.5·1.63 + 2·0.006 ≈ 2.46 SUL ≈ 3.07 SUVbw (above the heart's 2.8).
        double expected = ((1.5 * liver.Liver.SulMean!.Value) + (2 * liver.Liver.SulSd!.Value)) / 0.8;
        Assert.Equal(expected, detection.Threshold.Suv, 1e-9);
        Assert.InRange(detection.Threshold.Suv, 3.0, 3.15);
        Assert.Equal(["L1", "L2", "L3", "L4"], detection.Candidates.Select(c => c.Id));
        Assert.Equal(
            [CandidateRejection.MergedWithLargerStructure, null, CandidateRejection.TooSmall, CandidateRejection.PeakBelowThreshold],
            detection.Candidates.Select(c => c.Rejection));
        // A uniform ball's seed is its first voxel in linear order: the centre column at the lowest slice.
        Assert.Equal([(48, 48, 0), (60, 30, 17), (40, 60, 14), (56, 64, 10)], detection.Candidates.Select(c => c.SeedVoxel));

        LesionCandidate lesion = Assert.Single(detection.Lesions);
        VoiMetrics m = lesion.Metrics!;
        Assert.Equal(123, m.VoxelCount);
        Assert.Equal(8, m.SuvMax);
        Assert.Equal(8, m.SuvPeak, 1e-6);
        Assert.Equal(123 * 0.064, m.MtvMl, 1e-9);
        Assert.Equal(8 * 123 * 0.064, m.Tlg!.Value, 1e-6);
        Assert.Equal(8, m.Lbr!.Value, 1e-6);
        Assert.Equal(6.4, m.SulPeak!.Value, 1e-6);
        Assert.Equal(("L2", VoiSource.Auto, "41% of SUVmax"), (lesion.Voi!.Id, lesion.Voi.Source, lesion.Voi.Name));
        Assert.Equal((70.0 + 12) / 19, detection.Candidates[2].Metrics!.SuvPeak, 1e-6);
        Assert.Equal((5.0 + 18) / 19, detection.Candidates[3].Metrics!.SuvPeak, 1e-6);
    }

    [Fact]
    public void Detect_NoLiver_FallsBackTo25AndRejectsTheHeartAsTooLarge()
    {
        SuvVolume torso = SyntheticTorso.Create();
        var body = BodyMask.Compute(torso, Kernels);

        LesionDetection detection = new LesionDetector(Kernels).Detect(torso, new MeasurementContext(body, null, "no height", true), null, new LesionDetectionOptions());

        Assert.Equal(2.5, detection.Threshold.Suv);
        Assert.StartsWith("fallback", detection.Threshold.Source, StringComparison.Ordinal);
        // The heart (2.8, 3351 voxels = 214 ml) now passes the threshold and grows beyond 200 ml.
        LesionCandidate heart = Assert.Single(detection.Candidates, c => c.SeedSuv == 2.8f);
        Assert.Equal(CandidateRejection.MergedWithLargerStructure, heart.Rejection);
        Assert.Null(heart.Metrics);
        Assert.Equal((60, 30, 17), Assert.Single(detection.Lesions).SeedVoxel);
    }

    [Fact]
    public void Detect_FixedSuvAboveTheLesionMax_ReportsNoVoi()
    {
        SuvVolume torso = SyntheticTorso.Create();
        var body = BodyMask.Compute(torso, Kernels);
        var options = new LesionDetectionOptions { Method = VoiThresholdMethod.FixedSuv, FixedSuv = 9 };

        LesionDetection detection = new LesionDetector(Kernels).Detect(torso, new MeasurementContext(body, null, "no height", true), null, options);

        Assert.Equal(CandidateRejection.NoVoi, Assert.Single(detection.Candidates, c => c.SeedSuv == 8f).Rejection);
        Assert.Empty(detection.Lesions);
    }
}
