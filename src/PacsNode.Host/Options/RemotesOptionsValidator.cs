using Microsoft.Extensions.Options;

namespace PacsNode.Host.Options;

/// <summary>Checks each remote: an AE title of 1 to 16 characters without backslash, a host, a port in range,
/// and no AE title listed twice.</summary>
internal sealed class RemotesOptionsValidator : IValidateOptions<RemotesOptions>
{
    public ValidateOptionsResult Validate(string? name, RemotesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (int i = 0; i < options.Remotes.Count; i++)
        {
            RemoteAeOptions remote = options.Remotes[i];
            string at = $"{RemotesOptions.SectionName}:{i}";
            string title = remote.AeTitle.Trim();
            if (title.Length is 0 or > 16 || title.Contains('\\', StringComparison.Ordinal))
            {
                failures.Add($"{at}:AeTitle must be 1 to 16 characters without a backslash (got '{remote.AeTitle}')");
            }

            if (string.IsNullOrWhiteSpace(remote.Host))
            {
                failures.Add($"{at}:Host is required");
            }

            if (remote.Port is < 1 or > 65535)
            {
                failures.Add($"{at}:Port must be 1 to 65535 (got {remote.Port})");
            }
        }

        foreach (var twice in options.Remotes.GroupBy(r => r.AeTitle.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"{RemotesOptions.SectionName}: AE title '{twice.Key}' is listed {twice.Count()} times");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
