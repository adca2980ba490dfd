using Microsoft.Extensions.Options;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;

namespace PacsNode.Host.Options;

/// <summary>
/// Checks <see cref="PipelineOptions"/> at start: times and counts in range, and every forward destination a
/// configured remote (<c>PacsNode:Remotes</c>), so a typo fails at start rather than parking every delivery.
/// </summary>
internal sealed class PipelineOptionsValidator(IOptions<RemotesOptions> remotes) : IValidateOptions<PipelineOptions>
{
    private const string At = PipelineOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Range(failures, nameof(options.QuietSeconds), options.QuietSeconds, 0, 86_400);
        foreach ((string ae, int seconds) in options.QuietSecondsByCallingAe)
        {
            CheckAeTitle(failures, $"{nameof(options.QuietSecondsByCallingAe)} key", ae);
            Range(failures, $"{nameof(options.QuietSecondsByCallingAe)}:{ae}", seconds, 0, 86_400);
        }

        Range(failures, nameof(options.Workers), options.Workers, 1, 64);
        Range(failures, nameof(options.MaxAttempts), options.MaxAttempts, 1, 100);
        Range(failures, nameof(options.StartupScanHours), options.StartupScanHours, 0, 24 * 365);
        Range(failures, nameof(options.ForwardMaxAttempts), options.ForwardMaxAttempts, 1, 100);
        Range(failures, nameof(options.ForwardTimeoutSeconds), options.ForwardTimeoutSeconds, 1, 3600);
        if (!AcceleratorChoiceText.TryParse(options.Accelerator, out _))
        {
            failures.Add($"{At}{nameof(options.Accelerator)} '{options.Accelerator}' is not one of {string.Join(", ", AcceleratorChoiceText.Names)}");
        }

        if (!Enum.IsDefined(options.VoiThreshold))
        {
            failures.Add($"{At}{nameof(options.VoiThreshold)} '{options.VoiThreshold}' is not one of {string.Join(", ", Enum.GetNames<VoiThresholdMethod>())}");
        }

        if (!(options.FixedSuv > 0 && double.IsFinite(options.FixedSuv)))
        {
            failures.Add($"{At}{nameof(options.FixedSuv)} must be a positive SUV, not {options.FixedSuv}");
        }

        if (!Enum.IsDefined(options.ResponseBasis))
        {
            failures.Add($"{At}{nameof(options.ResponseBasis)} '{options.ResponseBasis}' is not one of {string.Join(", ", Enum.GetNames<ResponseBasis>())}");
        }

        if (!(options.EortcPmrDecrease > 0 && options.EortcPmrDecrease < 1))
        {
            failures.Add($"{At}{nameof(options.EortcPmrDecrease)} must be a fraction between 0 and 1, not {options.EortcPmrDecrease}");
        }

        foreach (int seconds in options.BackoffSeconds)
        {
            Range(failures, nameof(options.BackoffSeconds), seconds, 0, 86_400);
        }

        foreach (int seconds in options.ForwardBackoffSeconds)
        {
            Range(failures, nameof(options.ForwardBackoffSeconds), seconds, 0, 86_400);
        }

        var known = remotes.Value.Remotes.Select(r => r.AeTitle.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (string destination in options.ForwardDefault)
        {
            Known(failures, nameof(options.ForwardDefault), destination, known);
        }

        foreach ((string ae, List<string> destinations) in options.ForwardByCallingAe)
        {
            CheckAeTitle(failures, $"{nameof(options.ForwardByCallingAe)} key", ae);
            foreach (string destination in destinations)
            {
                Known(failures, $"{nameof(options.ForwardByCallingAe)}:{ae}", destination, known);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{At}{key} must be {min} to {max} (got {value})");
        }
    }

    private static void CheckAeTitle(List<string> failures, string key, string ae)
    {
        string title = ae.Trim();
        if (title.Length is 0 or > 16 || title.Contains('\\', StringComparison.Ordinal))
        {
            failures.Add($"{At}{key} '{ae}' must be an AE title of 1 to 16 characters without a backslash");
        }
    }

    private static void Known(List<string> failures, string key, string destination, HashSet<string> known)
    {
        if (!known.Contains(destination.Trim()))
        {
            failures.Add($"{At}{key}: '{destination}' is not a remote in {RemotesOptions.SectionName}");
        }
    }
}
