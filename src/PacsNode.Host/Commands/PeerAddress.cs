using System.Globalization;
using System.Net;
using PacsNode.Host.Options;

namespace PacsNode.Host.Commands;

/// <summary>A DICOM peer written <c>AE@host:port</c> on the command line (<c>STORESCP@127.0.0.1:11112</c>).</summary>
internal sealed record PeerAddress(string AeTitle, string Host, int Port)
{
    /// <summary>Parses <c>AE@host:port</c>; an IPv6 host goes in brackets (<c>AE@[::1]:104</c>).</summary>
    /// <exception cref="ConfigurationException">The text is not of that form, or a part is invalid.</exception>
    public static PeerAddress Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        var colon = text.LastIndexOf(':');
        if (at <= 0 || colon < at + 2 || colon == text.Length - 1)
        {
            throw new ConfigurationException($"{what} '{text}' is not of the form AE@host:port");
        }

        var ae = text[..at];
        var host = text[(at + 1)..colon].Trim('[', ']');
        if (ListenerOptionsValidator.DescribeAeTitleProblem(ae) is { } problem)
        {
            throw new ConfigurationException($"{what} '{text}': the AE title {problem}");
        }

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < IPEndPoint.MinPort + 1 or > IPEndPoint.MaxPort)
        {
            throw new ConfigurationException($"{what} '{text}': the port must be a number between 1 and 65535");
        }

        return new PeerAddress(ae, host, port);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{AeTitle}@{Host}:{Port}");
}
