namespace PacsNode.Dicom.Data.Values;

/// <summary>
/// One component group of a PN value (PS3.5 6.2.1): family name, given name, middle name, prefix and suffix,
/// separated by '^'. Missing components are empty strings, never null.
/// </summary>
public readonly struct DicomPersonNameComponentGroup : IEquatable<DicomPersonNameComponentGroup>
{
    private const char Separator = '^';

    private readonly string? _familyName;
    private readonly string? _givenName;
    private readonly string? _middleName;
    private readonly string? _namePrefix;
    private readonly string? _nameSuffix;

    public DicomPersonNameComponentGroup(
        string? familyName = null,
        string? givenName = null,
        string? middleName = null,
        string? namePrefix = null,
        string? nameSuffix = null)
    {
        _familyName = familyName;
        _givenName = givenName;
        _middleName = middleName;
        _namePrefix = namePrefix;
        _nameSuffix = nameSuffix;
    }

    public string FamilyName => _familyName ?? string.Empty;

    public string GivenName => _givenName ?? string.Empty;

    public string MiddleName => _middleName ?? string.Empty;

    public string NamePrefix => _namePrefix ?? string.Empty;

    public string NameSuffix => _nameSuffix ?? string.Empty;

    /// <summary>True where every component is empty.</summary>
    public bool IsEmpty => FamilyName.Length == 0 && GivenName.Length == 0 && MiddleName.Length == 0
        && NamePrefix.Length == 0 && NameSuffix.Length == 0;

    /// <summary>
    /// Splits one component group at '^'. More than five components parse only where the extra ones are
    /// empty ("Doe^John^^^^^"); otherwise false.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomPersonNameComponentGroup group)
    {
        group = default;
        Span<Range> parts = stackalloc Range[6];
        int count = text.Split(parts, Separator);
        if (count == parts.Length)
        {
            ReadOnlySpan<char> extra = text[parts[5]];
            if (extra.ContainsAnyExcept(Separator))
            {
                return false;
            }

            parts[4] = parts[4].Start..(text.Length - extra.Length - 1);
            count = 5;
        }

        group = new DicomPersonNameComponentGroup(
            Part(text, parts, count, 0),
            Part(text, parts, count, 1),
            Part(text, parts, count, 2),
            Part(text, parts, count, 3),
            Part(text, parts, count, 4));
        return true;
    }

    /// <summary>The components joined by '^', without trailing empty components.</summary>
    public override string ToString()
    {
        string[] components = [FamilyName, GivenName, MiddleName, NamePrefix, NameSuffix];
        int count = components.Length;
        while (count > 0 && components[count - 1].Length == 0)
        {
            count--;
        }

        return string.Join(Separator, components, 0, count);
    }

    public bool Equals(DicomPersonNameComponentGroup other) =>
        string.Equals(FamilyName, other.FamilyName, StringComparison.Ordinal)
        && string.Equals(GivenName, other.GivenName, StringComparison.Ordinal)
        && string.Equals(MiddleName, other.MiddleName, StringComparison.Ordinal)
        && string.Equals(NamePrefix, other.NamePrefix, StringComparison.Ordinal)
        && string.Equals(NameSuffix, other.NameSuffix, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is DicomPersonNameComponentGroup other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(FamilyName),
        StringComparer.Ordinal.GetHashCode(GivenName),
        StringComparer.Ordinal.GetHashCode(MiddleName),
        StringComparer.Ordinal.GetHashCode(NamePrefix),
        StringComparer.Ordinal.GetHashCode(NameSuffix));

    public static bool operator ==(DicomPersonNameComponentGroup left, DicomPersonNameComponentGroup right) =>
        left.Equals(right);

    public static bool operator !=(DicomPersonNameComponentGroup left, DicomPersonNameComponentGroup right) =>
        !left.Equals(right);

    private static string? Part(ReadOnlySpan<char> text, ReadOnlySpan<Range> parts, int count, int index) =>
        index < count ? text[parts[index]].ToString() : null;
}
