using System.Diagnostics;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Tests.Support;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>
/// The file-level entry point the pipeline will call: the three series read from disk, given follow-up first, through
/// <see cref="PatientAssessor.AssessAsync"/> (which runs <c>PetQuantifier</c> itself), on a patient with 5% noise and
/// 6 mm FWHM smoothing and without the new lesion, so PERCIST is decided by the hottest lesions' SULpeak (SMD).
/// </summary>
public sealed class PatientAssessmentFromFilesTests
{
    [Fact]
    public async Task AssessAsync_NoisySmoothedPatientWithoutNewLesion_EqualsGeneratorTruth()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("patient-files");
        PatientPhantomSpec spec = PatientPhantomFixture.Spec with { IncludeNewLesion = false, NoiseLevel = 0.05, SmoothingFwhmMm = 6, Seed = 5 };
        PatientPhantomResult phantom = await PatientPhantomGenerator.GenerateAsync(spec, temp.FullPath, ct);
        var series = new List<IReadOnlyList<PacsNode.Dicom.IO.DicomFile>>();
        foreach (PhantomResult study in new[] { phantom.FollowUp, phantom.Baseline, phantom.Her2Pet })
        {
            series.Add(await SeriesLoader.ReadFolderAsync(study.PetFolder, null, ct));
        }

        using var kernels = new ReferenceKernels();
        long start = Stopwatch.GetTimestamp();
        PatientAssessment a = await new PatientAssessor(kernels).AssessAsync(series, new AssessmentOptions(), ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"assessed in {Stopwatch.GetElapsedTime(start).TotalSeconds:0.0} s");
        TestContext.Current.TestOutputHelper?.WriteLine(PatientAssessmentText.Write(a));

        Assert.True(a.IsComplete, string.Join("; ", a.Missing));
        Assert.Equal(phantom.Baseline.Truth.StudyInstanceUid, a.Visits.Baseline!.StudyInstanceUid);
        Assert.Equal(phantom.Her2Pet.Truth.StudyInstanceUid, a.Visits.Her2Pet!.StudyInstanceUid);
        Assert.Equal(phantom.FollowUp.Truth.StudyInstanceUid, a.Visits.FollowUp!.StudyInstanceUid);
        PatientTruthAssert.Lesions(phantom.Truth, a, withFollowUp: true);
        Assert.Equal(phantom.Truth.Her2Pattern, AssessmentCodes.Pattern(a.Her2!.Pattern));
        Assert.Equal("SMD", phantom.Truth.Percist);
        Assert.Equal(phantom.Truth.Percist, AssessmentCodes.Response(a.Percist!.Category));
        Assert.False(a.Percist.NewLesions);
        Assert.Equal(phantom.Truth.ZephirGroup, AssessmentCodes.Group(a.Zephir!.Group));
    }
}
