using System.Security.Cryptography;
using System.Text;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Host.Services;

/// <summary>
/// Checks a user identity sub-item against the configured <c>username</c> / <c>username/passcode</c> entries: a
/// username entry accepts type 1 (username) and type 2 with any passcode; a username/passcode entry accepts only
/// type 2 with that passcode (compared in constant time). Kerberos, SAML and JWT identities are refused.
/// </summary>
internal sealed class UserIdentityCheck
{
    private readonly Dictionary<string, byte[]?> _users = new(StringComparer.Ordinal);

    public UserIdentityCheck(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            _users[slash < 0 ? entry : entry[..slash]] = slash < 0 ? null : Encoding.UTF8.GetBytes(entry[(slash + 1)..]);
        }
    }

    public bool Accepts(UserIdentityRequest identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.Type is not (UserIdentityType.Username or UserIdentityType.UsernameAndPasscode))
        {
            return false;
        }

        var username = Encoding.UTF8.GetString(identity.PrimaryField.Span);
        if (!_users.TryGetValue(username, out var passcode))
        {
            return false;
        }

        return passcode is null
            || (identity.Type == UserIdentityType.UsernameAndPasscode
                && CryptographicOperations.FixedTimeEquals(passcode, identity.SecondaryField.Span));
    }
}
