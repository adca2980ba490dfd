using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Volume;

/// <summary>
/// DRO_2_3 (Units CM2ML, SUVType BSA) stores SUVbsa as the integers 5, 26 and 105 at RescaleSlope 0.01. No single
/// weight / BSA ratio r can round all three to the expected SUVbw: 1.05·r rounds to 4.00 only for r in
/// [3.8048, 3.8143), 0.26·r rounds to 1.00 only for r in [3.8269, 3.8654). The DRO's own quantisation makes the
/// two-decimal check impossible for this case, whatever body-surface formula is used, so this test pins the
/// exact conversion instead: SUVbw = stored × slope × W / BSA(Du Bois), W 70 kg, H 175 cm.
/// </summary>
public sealed class IbsiDroQuantisationTests
{
    [Fact]
    public void Dro23_StoredValues_CannotRoundToTheExpectedTriple()
    {
        (double low4, double high4) = (3.995 / 1.05, 4.005 / 1.05);
        (double low1, double high1) = (0.995 / 0.26, 1.005 / 0.26);

        Assert.True(high4 < low1 || high1 < low4);
    }

    [Fact]
    public async Task Dro23_InsideMask_EqualsStoredTimesWeightOverDuBoisArea()
    {
        RequiresTool.SharedTestData();
        (double min, double median, double max) = await IbsiDroTests.MaskStatisticsAsync("DRO_2_3", TestContext.Current.CancellationToken);

        double ratio = 70_000 / (0.007184 * Math.Pow(70, 0.425) * Math.Pow(175, 0.725) * 10_000);
        Assert.Equal(0.05 * ratio, min, 1e-5);
        Assert.Equal(0.26 * ratio, median, 1e-5);
        Assert.Equal(1.05 * ratio, max, 1e-5);
        Assert.Equal((0.19, 0.98, 3.98), (Math.Round(min, 2), Math.Round(median, 2), Math.Round(max, 2)));
    }
}
