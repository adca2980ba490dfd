using PacsNode.Quantification.Assessment;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

public sealed class TrackingUidsTests
{
    [Fact]
    public void Derive_SameInput_SameValidUid()
    {
        string uid = TrackingUids.Derive("P1", "1.2.3", "L1");

        Assert.Equal(uid, TrackingUids.Derive("P1", "1.2.3", "L1"));
        Assert.Matches("^2\\.25\\.(0|[1-9][0-9]*)$", uid);
        Assert.InRange(uid.Length, 6, 64);
    }

    [Fact]
    public void Derive_DifferentLesionStudyOrPatient_DifferentUids()
    {
        string[] uids = [TrackingUids.Derive("P1", "1.2.3", "L1"), TrackingUids.Derive("P1", "1.2.3", "L2"),
            TrackingUids.Derive("P1", "1.2.4", "L1"), TrackingUids.Derive("P2", "1.2.3", "L1")];

        Assert.Equal(4, uids.Distinct(StringComparer.Ordinal).Count());
    }
}
