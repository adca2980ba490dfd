using System.Text;
using PacsNode.Dicom.Network.Upper;
using PacsNode.Host.Services;
using Xunit;

namespace PacsNode.Host.Tests.Services;

public sealed class UserIdentityCheckTests
{
    private readonly UserIdentityCheck _check = new(["alice/s3cret/with/slashes", "bob"]);

    [Theory]
    [InlineData(UserIdentityType.UsernameAndPasscode, "alice", "s3cret/with/slashes", true)]
    [InlineData(UserIdentityType.UsernameAndPasscode, "alice", "s3cret", false)]
    [InlineData(UserIdentityType.Username, "alice", "", false)]
    [InlineData(UserIdentityType.Username, "bob", "", true)]
    [InlineData(UserIdentityType.UsernameAndPasscode, "bob", "anything", true)]
    [InlineData(UserIdentityType.Username, "carol", "", false)]
    [InlineData(UserIdentityType.JsonWebToken, "bob", "", false)]
    public void Accepts_Identity_MatchesTheConfiguredEntries(UserIdentityType type, string user, string passcode, bool accepted)
    {
        var identity = new UserIdentityRequest(type, true, Encoding.UTF8.GetBytes(user), Encoding.UTF8.GetBytes(passcode));

        Assert.Equal(accepted, _check.Accepts(identity));
    }
}
