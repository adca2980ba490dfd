using PacsNode.Quantification.Assessment;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

public sealed class ZephirRuleTests
{
    [Theory]
    [InlineData(true, true, "POS-RESP", false)]
    [InlineData(true, false, "POS-NORESP", false)]
    [InlineData(false, true, "NEG-RESP", false)]
    [InlineData(false, false, "NEG-NORESP", true)]
    public void Group_Her2AndResponse_FourGroupsOnlyNegNorespPredictsFailure(bool her2Positive, bool response, string code, bool failure)
    {
        ZephirGroup group = ZephirRule.Group(her2Positive, response);

        Assert.Equal(code, AssessmentCodes.Group(group));
        Assert.Equal(failure, ZephirRule.PredictsTreatmentFailure(group));
    }
}
