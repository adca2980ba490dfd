namespace PacsNode.Host.Options;

/// <summary>Who may associate with the node. Bound from <c>PacsNode:Access</c>.</summary>
internal sealed class AccessOptions
{
    public const string SectionName = "PacsNode:Access";

    /// <summary>Calling AE titles allowed; empty allows any. Others are rejected (A-ASSOCIATE-RJ reason 3).</summary>
    public List<string> AllowedCallingAeTitles { get; set; } = [];

    /// <summary>IP addresses or CIDR networks peers may connect from (<c>10.1.0.0/16</c>); empty allows any.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Whether user identity negotiation is ignored or required.</summary>
    public UserIdentityMode UserIdentity { get; set; } = UserIdentityMode.Ignore;

    /// <summary>
    /// The accepted identities when <see cref="UserIdentity"/> is <c>Require</c>: <c>username</c> (username only,
    /// PS3.7 type 1) or <c>username/passcode</c> (type 2; the passcode is everything after the first slash).
    /// </summary>
    public List<string> Users { get; set; } = [];
}
