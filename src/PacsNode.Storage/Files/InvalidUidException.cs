namespace PacsNode.Storage.Files;

/// <summary>A Study, Series or SOP Instance UID that does not follow PS3.5 9.1 and so cannot name a stored file.</summary>
public sealed class InvalidUidException : ArgumentException
{
    public InvalidUidException()
    {
        Attribute = string.Empty;
    }

    public InvalidUidException(string message)
        : base(message)
    {
        Attribute = string.Empty;
    }

    public InvalidUidException(string message, Exception innerException)
        : base(message, innerException)
    {
        Attribute = string.Empty;
    }

    public InvalidUidException(string attribute, string? uid)
        : base($"{attribute} '{uid}' is not a valid UID (PS3.5 9.1: digits and dots, no leading zeros, at most 64 characters).")
    {
        Attribute = attribute;
        Uid = uid;
    }

    /// <summary>The attribute keyword whose value was refused, e.g. SOPInstanceUID.</summary>
    public string Attribute { get; }

    /// <summary>The refused value; null when the attribute was missing.</summary>
    public string? Uid { get; }
}
