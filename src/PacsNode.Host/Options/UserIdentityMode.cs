namespace PacsNode.Host.Options;

/// <summary>What the node does with user identity negotiation (PS3.7 D.3.3.7).</summary>
internal enum UserIdentityMode
{
    /// <summary>Associations are accepted with or without an identity, and the identity is not checked.</summary>
    Ignore,

    /// <summary>Every association must carry a username (and passcode, where one is configured) from the list.</summary>
    Require,
}
