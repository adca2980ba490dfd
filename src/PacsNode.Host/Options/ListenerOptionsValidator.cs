using System.Net;
using Microsoft.Extensions.Options;

namespace PacsNode.Host.Options;

/// <summary>Checks <see cref="ListenerOptions"/> at start; each message names the configuration key.</summary>
internal sealed class ListenerOptionsValidator : IValidateOptions<ListenerOptions>
{
    /// <summary>The longest AE title PS3.5 allows.</summary>
    public const int MaxAeTitleLength = 16;

    public ValidateOptionsResult Validate(string? name, ListenerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var aeProblem = DescribeAeTitleProblem(options.AeTitle);
        if (aeProblem is not null)
        {
            failures.Add($"{ListenerOptions.SectionName}:{nameof(ListenerOptions.AeTitle)} {aeProblem}");
        }

        if (!IPAddress.TryParse(options.Address, out _))
        {
            failures.Add(
                $"{ListenerOptions.SectionName}:{nameof(ListenerOptions.Address)} must be an IP address such as " +
                $"127.0.0.1 or 0.0.0.0, not '{options.Address}'");
        }

        if (options.Port is < IPEndPoint.MinPort + 1 or > IPEndPoint.MaxPort)
        {
            failures.Add(
                $"{ListenerOptions.SectionName}:{nameof(ListenerOptions.Port)} must be between 1 and 65535, " +
                $"not {options.Port}");
        }

        CheckRange(failures, nameof(ListenerOptions.MaxAssociations), options.MaxAssociations, 1, 10_000);
        CheckRange(failures, nameof(ListenerOptions.ArtimTimeoutSeconds), options.ArtimTimeoutSeconds, 1, 3600);
        CheckRange(failures, nameof(ListenerOptions.IdleTimeoutSeconds), options.IdleTimeoutSeconds, 1, 86_400);
        CheckRange(failures, nameof(ListenerOptions.ShutdownGraceSeconds), options.ShutdownGraceSeconds, 0, 3600);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRange(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{ListenerOptions.SectionName}:{key} must be between {min} and {max}, not {value}");
        }
    }

    /// <summary>
    /// Returns why <paramref name="aeTitle"/> is not a valid AE value, or <see langword="null"/>. PS3.5 6.2:
    /// at most 16 characters of the default repertoire, no backslash, no control characters; leading and
    /// trailing spaces are not significant, so a title of only spaces is empty.
    /// </summary>
    public static string? DescribeAeTitleProblem(string? aeTitle)
    {
        if (string.IsNullOrWhiteSpace(aeTitle))
        {
            return "must not be empty";
        }

        if (aeTitle.Length > MaxAeTitleLength)
        {
            return $"must be at most {MaxAeTitleLength} characters, not {aeTitle.Length} ('{aeTitle}')";
        }

        foreach (var c in aeTitle)
        {
            if (c is < ' ' or > '~' or '\\')
            {
                return $"may hold only printable ASCII characters other than backslash ('{aeTitle}')";
            }
        }

        return null;
    }
}
