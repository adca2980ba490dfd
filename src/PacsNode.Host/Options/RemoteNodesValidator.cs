using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace PacsNode.Host.Options;

/// <summary>Checks every entry of <c>PacsNode:Remotes</c>: a valid AE title, a host, a port, no AE title twice.</summary>
internal sealed class RemoteNodesValidator : IValidateOptions<List<RemoteNodeOptions>>
{
    public ValidateOptionsResult Validate(string? name, List<RemoteNodeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var remote = options[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{RemoteNodeOptions.SectionName}:{i}");
            if (ListenerOptionsValidator.DescribeAeTitleProblem(remote.AeTitle) is { } problem)
            {
                failures.Add($"{key}:{nameof(RemoteNodeOptions.AeTitle)} {problem}");
            }
            else if (!seen.Add(remote.AeTitle.Trim()))
            {
                failures.Add($"{key}:{nameof(RemoteNodeOptions.AeTitle)} '{remote.AeTitle}' is listed twice");
            }

            if (string.IsNullOrWhiteSpace(remote.Host))
            {
                failures.Add($"{key}:{nameof(RemoteNodeOptions.Host)} must not be empty");
            }

            if (remote.Port is < IPEndPoint.MinPort + 1 or > IPEndPoint.MaxPort)
            {
                failures.Add($"{key}:{nameof(RemoteNodeOptions.Port)} must be between 1 and 65535, not {remote.Port}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
