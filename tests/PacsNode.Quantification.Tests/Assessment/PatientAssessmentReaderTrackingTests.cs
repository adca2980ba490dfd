using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Phantoms;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>Reader-supplied tracking identifiers take precedence over position matching and numbering.</summary>
public sealed class PatientAssessmentReaderTrackingTests(PatientPhantomFixture fixture) : IClassFixture<PatientPhantomFixture>
{
    private static string VoiAt(StudyQuantification study, (double X, double Y, double Z) centre) =>
        study.Result.Vois.Single(v => PatientTruthAssert.Near(VoiCarrier.Centroid(v.Voi.Voxels, study.Result.Volume!.Geometry), centre)).Voi.Id;

    [Fact]
    public void Assess_ReaderIdentifiersOnBothVisits_PairByIdentifierEvenAcrossLesions()
    {
        PatientPhantomLesionTruth[] lesions = [.. fixture.Phantom.Truth.Lesions];
        PatientPhantomLesionTruth left = lesions.Single(l => l.Design.Name == "pelvis-left");
        PatientPhantomLesionTruth right = lesions.Single(l => l.Design.Name == "pelvis-right");
        // The reader names the left pelvic node "RDR-7" at baseline and, deliberately, the right one at follow-up.
        StudyQuantification baseline = fixture.Baseline with
        {
            ReaderTracking = new Dictionary<string, ReaderTracking> { [VoiAt(fixture.Baseline, left.BaselineCentreMm!.Value)] = new("RDR-7", "1.2.826.0.1.3680043.10.99.7") },
        };
        StudyQuantification followUp = fixture.FollowUp with
        {
            ReaderTracking = new Dictionary<string, ReaderTracking> { [VoiAt(fixture.FollowUp, right.FollowUpCentreMm!.Value)] = new("RDR-7", null) },
        };

        PatientAssessment a = new PatientAssessor(fixture.Kernels).Assess([baseline, fixture.Her2Pet, followUp], new AssessmentOptions());

        TrackedLesion reader = Assert.Single(a.Lesions, l => l.ReaderIdentified);
        Assert.Equal("RDR-7", reader.TrackingIdentifier);
        Assert.Equal("1.2.826.0.1.3680043.10.99.7", reader.TrackingUid);
        Assert.True(PatientTruthAssert.Near(reader.Baseline!.CentroidMm, left.BaselineCentreMm!.Value));
        Assert.True(PatientTruthAssert.Near(reader.FollowUp!.CentroidMm, right.FollowUpCentreMm!.Value));
        Assert.Contains("matched by the reader's tracking identifier", reader.Notes);
        // The right node's baseline VOI has lost its follow-up partner (the reader gave it away) and the left node's
        // follow-up VOI has no baseline: one disappeared, one new, both by position rules.
        Assert.Single(a.Lesions, l => l.Status == LesionStatus.Disappeared && PatientTruthAssert.Near(l.Baseline!.CentroidMm, right.BaselineCentreMm!.Value));
        Assert.Single(a.Lesions, l => l.Status == LesionStatus.New && PatientTruthAssert.Near(l.FollowUp!.CentroidMm, left.FollowUpCentreMm!.Value));
        Assert.DoesNotContain(a.Lesions, l => l.TrackingIdentifier == "RDR-7" && !l.ReaderIdentified);
    }
}
