using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PacsNode.Host.Options;
using PacsNode.Quantification.Assessment;
using Xunit;

namespace PacsNode.Host.Tests.Options;

/// <summary>The patient-report settings of <c>PacsNode:Pipeline</c>: bound from configuration, checked at start.</summary>
public sealed class PipelineOptionsPatientTests
{
    [Fact]
    public void Bind_PatientSettings_ReachTheAssessmentOptions()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PacsNode:Pipeline:PatientReports"] = "false",
            ["PacsNode:Pipeline:ResponseBasis"] = "EortcAllLesions",
            ["PacsNode:Pipeline:EortcPmrDecrease"] = "0.25",
        }).Build();
        var options = new PipelineOptions();

        configuration.GetSection(PipelineOptions.SectionName).Bind(options);
        var assessment = options.ToAssessmentOptions();

        Assert.False(options.PatientReports);
        Assert.Equal(ResponseBasis.EortcAllLesions, assessment.ResponseBasis);
        Assert.Equal(0.25, assessment.EortcPmrDecrease);
        Assert.True(new PipelineOptions().PatientReports);
        Assert.Equal(new AssessmentOptions(), new PipelineOptions().ToAssessmentOptions());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Validate_EortcPmrDecreaseOutsideZeroToOne_Fails(double decrease)
    {
        var validator = new PipelineOptionsValidator(Microsoft.Extensions.Options.Options.Create(new RemotesOptions()));

        ValidateOptionsResult result = validator.Validate(null, new PipelineOptions { EortcPmrDecrease = decrease });

        Assert.True(result.Failed);
        Assert.Contains("EortcPmrDecrease", result.FailureMessage, StringComparison.Ordinal);
        Assert.False(validator.Validate(null, new PipelineOptions()).Failed);
    }
}
