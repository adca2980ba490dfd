using System.Net;
using Microsoft.Extensions.Options;

namespace PacsNode.Host.Options;

/// <summary>Checks <see cref="AccessOptions"/>: valid AE titles, parsable hosts, users when identity is required.</summary>
internal sealed class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    private const string Section = AccessOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var title in options.AllowedCallingAeTitles)
        {
            if (ListenerOptionsValidator.DescribeAeTitleProblem(title) is { } problem)
            {
                failures.Add($"{Section}{nameof(AccessOptions.AllowedCallingAeTitles)} entry {problem}");
            }
        }

        foreach (var host in options.AllowedHosts)
        {
            if (!TryParseNetwork(host, out _))
            {
                failures.Add(
                    $"{Section}{nameof(AccessOptions.AllowedHosts)} entry '{host}' is not an IP address or a CIDR network " +
                    "such as 10.1.0.0/16");
            }
        }

        if (options.UserIdentity == UserIdentityMode.Require && options.Users.Count == 0)
        {
            failures.Add($"{Section}{nameof(AccessOptions.Users)} must list at least one user when UserIdentity is Require");
        }

        if (options.Users.Any(u => string.IsNullOrEmpty(u) || u.StartsWith('/')))
        {
            failures.Add($"{Section}{nameof(AccessOptions.Users)} entries are 'username' or 'username/passcode'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>An address (a /32 or /128 network) or a CIDR network.</summary>
    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        text = text.Trim();
        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(text, out network);
    }
}
