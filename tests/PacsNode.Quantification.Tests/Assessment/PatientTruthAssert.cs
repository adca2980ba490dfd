using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Volume;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>Compares an assessment with a generated patient's truth, lesion by lesion (found by position).</summary>
internal static class PatientTruthAssert
{
    /// <summary>A VOI centroid of a noise-free sphere lies within a voxel of its centre.</summary>
    public const double CentreToleranceMm = 3;

    public static void Lesions(PatientPhantomTruth truth, PatientAssessment assessment, bool withFollowUp)
    {
        Assert.Equal(truth.Lesions.Count(l => withFollowUp || l.BaselineCentreMm is not null), assessment.Lesions.Count);
        Assert.Equal(assessment.Lesions.Count, assessment.Lesions.Select(l => l.TrackingIdentifier).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(assessment.Lesions.Count, assessment.Lesions.Select(l => l.TrackingUid).Distinct(StringComparer.Ordinal).Count());
        foreach (PatientPhantomLesionTruth t in truth.Lesions)
        {
            PatientPhantomLesion d = t.Design;
            TrackedLesion? lesion = t.BaselineCentreMm is { } b
                ? assessment.Lesions.SingleOrDefault(l => l.Baseline is { } o && Near(o.CentroidMm, b))
                : assessment.Lesions.SingleOrDefault(l => l.Baseline is null && l.FollowUp is { } o && Near(o.CentroidMm, t.FollowUpCentreMm!.Value));
            if (!withFollowUp && t.BaselineCentreMm is null)
            {
                continue;
            }

            Assert.True(lesion is not null, $"{d.Name}: no tracked lesion at its position; lesions: " + Describe(assessment));
            string expectedStatus = !withFollowUp ? "BaselineOnly" : d.Match switch
            {
                "tracked" => "Tracked",
                "disappeared" => "Disappeared",
                _ => "New",
            };
            Assert.True(expectedStatus == lesion.Status.ToString(), $"{d.Name}: status {lesion.Status}, expected {expectedStatus}");
            if (withFollowUp && t.FollowUpCentreMm is { } f)
            {
                Assert.True(lesion.FollowUp is { CarriedOver: false } o && Near(o.CentroidMm, f), $"{d.Name}: matched to the wrong follow-up lesion");
            }

            if (d.Her2Class is not null)
            {
                Assert.True(lesion.Her2?.ProposedClass is not null, $"{d.Name}: no HER2 class ({lesion.Her2?.Reason})");
                Assert.True(d.Her2Class == AssessmentCodes.Her2Class(lesion.Her2!.ProposedClass!.Value),
                    $"{d.Name}: HER2 class {lesion.Her2.ProposedClass} (LBR {lesion.Her2.Lbr:0.###}), expected {d.Her2Class}");
                Assert.Equal(d.Her2Status, AssessmentCodes.Status(lesion.Her2.Positive!.Value));
                Assert.True(lesion.Her2.Proposed);
                Assert.True(lesion.Her2Pet is { CarriedOver: true } h && Near(h.CentroidMm, t.Her2CentreMm!.Value),
                    $"{d.Name}: the VOI carried to the 89Zr study is not on the lesion");
            }

            if (withFollowUp && d.Eortc is not null)
            {
                Assert.True(lesion.Eortc is not null, $"{d.Name}: no EORTC");
                Assert.True(d.Eortc == AssessmentCodes.Response(lesion.Eortc.Category),
                    $"{d.Name}: EORTC {lesion.Eortc.Category} (change {lesion.Eortc.Change:P1}, {lesion.Eortc.Basis}), expected {d.Eortc}");
                Assert.Equal(d.Group, AssessmentCodes.Group(lesion.Group!.Value));
            }
            else
            {
                Assert.Null(lesion.Eortc);
                Assert.Null(lesion.Group);
            }
        }
    }

    public static bool Near(PatientVector p, (double X, double Y, double Z) q) =>
        (p - new PatientVector(q.X, q.Y, q.Z)).Length <= CentreToleranceMm;

    public static string Describe(PatientAssessment a) => string.Join("; ", a.Lesions.Select(l =>
        $"{l.TrackingIdentifier} {l.Status} base {l.Baseline?.CentroidMm} fu {l.FollowUp?.CentroidMm} d {l.MatchDistanceMm:0.##}"));
}
