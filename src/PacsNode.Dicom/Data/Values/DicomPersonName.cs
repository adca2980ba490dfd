using System.Diagnostics.CodeAnalysis;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>
/// A PN value (PS3.5 6.2.1): up to three component groups separated by '=', alphabetic, ideographic and
/// phonetic, each of five '^'-separated components. <see cref="ToString"/> writes the canonical form, without
/// trailing empty components or groups, so "Doe^John^^^" reads back as "Doe^John" and "^^^^" as "".
/// </summary>
public sealed class DicomPersonName : IEquatable<DicomPersonName>
{
    private const char GroupSeparator = '=';

    public DicomPersonName(
        DicomPersonNameComponentGroup alphabetic,
        DicomPersonNameComponentGroup ideographic = default,
        DicomPersonNameComponentGroup phonetic = default)
    {
        Alphabetic = alphabetic;
        Ideographic = ideographic;
        Phonetic = phonetic;
    }

    /// <summary>An alphabetic-only name.</summary>
    public DicomPersonName(
        string familyName, string? givenName = null, string? middleName = null, string? namePrefix = null,
        string? nameSuffix = null)
        : this(new DicomPersonNameComponentGroup(familyName, givenName, middleName, namePrefix, nameSuffix))
    {
    }

    public DicomPersonNameComponentGroup Alphabetic { get; }

    public DicomPersonNameComponentGroup Ideographic { get; }

    public DicomPersonNameComponentGroup Phonetic { get; }

    /// <summary>The alphabetic family name.</summary>
    public string FamilyName => Alphabetic.FamilyName;

    /// <summary>The alphabetic given name.</summary>
    public string GivenName => Alphabetic.GivenName;

    public bool IsEmpty => Alphabetic.IsEmpty && Ideographic.IsEmpty && Phonetic.IsEmpty;

    /// <summary>
    /// Parses one PN value (one value of a multi-valued element; split with <see cref="DicomStringValues"/>).
    /// Trailing spaces and NULs are ignored. False for more than three component groups or five components,
    /// unless the extras are empty.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out DicomPersonName? name)
    {
        name = null;
        text = text.TrimEnd(" \0");
        Span<Range> groups = stackalloc Range[4];
        int count = text.Split(groups, GroupSeparator);
        if (count == groups.Length)
        {
            ReadOnlySpan<char> extra = text[groups[3]];
            if (extra.ContainsAnyExcept("=^"))
            {
                return false;
            }

            count = 3;
            groups[2] = groups[2].Start..(text.Length - extra.Length - 1);
        }

        DicomPersonNameComponentGroup alphabetic = default;
        DicomPersonNameComponentGroup ideographic = default;
        DicomPersonNameComponentGroup phonetic = default;
        if (!DicomPersonNameComponentGroup.TryParse(text[groups[0]], out alphabetic)
            || (count > 1 && !DicomPersonNameComponentGroup.TryParse(text[groups[1]], out ideographic))
            || (count > 2 && !DicomPersonNameComponentGroup.TryParse(text[groups[2]], out phonetic)))
        {
            return false;
        }

        name = new DicomPersonName(alphabetic, ideographic, phonetic);
        return true;
    }

    public static DicomPersonName Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out DicomPersonName? name))
        {
            ValueText.ThrowFormat(DicomVR.PN, text);
        }

        return name;
    }

    /// <summary>The canonical PN text: groups joined by '=', trailing empty components and groups left out.</summary>
    public override string ToString()
    {
        string[] groups = [Alphabetic.ToString(), Ideographic.ToString(), Phonetic.ToString()];
        int count = groups.Length;
        while (count > 0 && groups[count - 1].Length == 0)
        {
            count--;
        }

        return string.Join(GroupSeparator, groups, 0, count);
    }

    public bool Equals(DicomPersonName? other) => other is not null && Alphabetic == other.Alphabetic
        && Ideographic == other.Ideographic && Phonetic == other.Phonetic;

    public override bool Equals(object? obj) => Equals(obj as DicomPersonName);

    public override int GetHashCode() => HashCode.Combine(Alphabetic, Ideographic, Phonetic);
}
