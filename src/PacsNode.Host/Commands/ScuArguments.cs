using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Dicom.Network.Upper;
using PacsNode.Host.Options;
using PacsNode.Host.Services;

namespace PacsNode.Host.Commands;

/// <summary>
/// The options every SCU command shares: <c>--aet OURS</c>, <c>--timeout SECONDS</c>, <c>--user NAME[/PASSCODE]</c>,
/// and DICOM over TLS: <c>--tls</c>, <c>--tls-ca FILE</c> (PEM CAs that sign the peer; default the system's store),
/// <c>--tls-cert FILE [--tls-key FILE]</c> (our certificate, when the peer asks for one).
/// </summary>
internal sealed class ScuArguments
{
    public const string Synopsis =
        "[--aet OURS] [--timeout S] [--user NAME[/PASSCODE]] [--tls [--tls-ca FILE] [--tls-cert FILE [--tls-key FILE]]]";

    private string? _tlsCa;
    private string? _tlsCert;
    private string? _tlsKey;
    private string? _user;

    public string CallingAeTitle { get; private set; } = "PACSNODE";

    public bool Tls { get; private set; }

    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>Consumes <c>args[i]</c> (and its value) when it is one of the shared options.</summary>
    public bool TryConsume(string[] args, ref int i)
    {
        switch (args[i])
        {
            case "--aet":
                CallingAeTitle = Value(args, ref i);
                if (ListenerOptionsValidator.DescribeAeTitleProblem(CallingAeTitle) is { } problem)
                {
                    throw new ConfigurationException($"--aet '{CallingAeTitle}': the AE title {problem}");
                }

                return true;
            case "--timeout":
                var text = Value(args, ref i);
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
                {
                    throw new ConfigurationException($"--timeout '{text}' must be a whole number of seconds, at least 1");
                }

                Timeout = TimeSpan.FromSeconds(seconds);
                return true;
            case "--user":
                _user = Value(args, ref i);
                return true;
            case "--tls":
                Tls = true;
                return true;
            case "--tls-ca":
                _tlsCa = Value(args, ref i);
                return true;
            case "--tls-cert":
                _tlsCert = Value(args, ref i);
                return true;
            case "--tls-key":
                _tlsKey = Value(args, ref i);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The client options for <paramref name="peer"/>, loading the TLS files named.</summary>
    /// <exception cref="CommandException">A certificate file cannot be loaded.</exception>
    public DimseClientOptions CreateOptions(PeerAddress peer, IReadOnlyDictionary<string, IReadOnlyList<string>> contexts)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (!Tls && (_tlsCa ?? _tlsCert ?? _tlsKey) is not null)
        {
            throw new UsageException("--tls-ca, --tls-cert and --tls-key need --tls");
        }

        return new DimseClientOptions
        {
            Host = peer.Host,
            Port = peer.Port,
            CalledAeTitle = peer.AeTitle,
            CallingAeTitle = CallingAeTitle,
            PresentationContexts = contexts,
            Association = AssociationOptions.Default with { ArtimTimeout = Timeout, IdleTimeout = Timeout * 4 },
            Tls = Tls ? CreateTls() : null,
            UserIdentity = _user is null ? null : CreateIdentity(_user),
        };
    }

    public static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        return args[++i];
    }

    private static UserIdentityRequest CreateIdentity(string user)
    {
        var slash = user.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new UserIdentityRequest(UserIdentityType.Username, true, Encoding.UTF8.GetBytes(user), ReadOnlyMemory<byte>.Empty)
            : new UserIdentityRequest(UserIdentityType.UsernameAndPasscode, true, Encoding.UTF8.GetBytes(user[..slash]),
                Encoding.UTF8.GetBytes(user[(slash + 1)..]));
    }

    private System.Net.Security.SslClientAuthenticationOptions CreateTls()
    {
        try
        {
            var ca = _tlsCa is null ? null : TlsCertificates.LoadBundle(_tlsCa);
            var ours = _tlsCert is null ? null : TlsCertificates.LoadWithKey(_tlsCert, _tlsKey, null);
            return DicomTls.Client(ours, ca);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"TLS certificate: {ex.Message}", ex);
        }
    }
}
