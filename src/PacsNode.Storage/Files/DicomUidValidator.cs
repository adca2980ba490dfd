namespace PacsNode.Storage.Files;

/// <summary>
/// The UID grammar of PS3.5 9.1: components of digits separated by single dots, no component with a leading zero
/// (except the component "0" itself), at most 64 characters. Only such strings become path components, so no UID can
/// name a parent folder, an absolute path or a separator.
/// </summary>
public static class DicomUidValidator
{
    /// <summary>The maximum length of a UID (PS3.5 9.1).</summary>
    public const int MaxLength = 64;

    public static bool IsValid(string? uid)
    {
        if (string.IsNullOrEmpty(uid) || uid.Length > MaxLength)
        {
            return false;
        }

        int componentStart = 0;
        for (int i = 0; i <= uid.Length; i++)
        {
            if (i == uid.Length || uid[i] == '.')
            {
                int length = i - componentStart;
                if (length == 0 || (length > 1 && uid[componentStart] == '0'))
                {
                    return false;
                }

                componentStart = i + 1;
            }
            else if (!char.IsAsciiDigit(uid[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws <see cref="InvalidUidException"/> naming the attribute when the UID is not valid.</summary>
    public static string Validate(string? uid, string attribute)
    {
        if (!IsValid(uid))
        {
            throw new InvalidUidException(attribute, uid);
        }

        return uid!;
    }
}
