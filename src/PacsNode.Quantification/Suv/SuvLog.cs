using System.Globalization;

namespace PacsNode.Quantification.Suv;

/// <summary>The notes and warnings collected while one series is worked out.</summary>
internal sealed class SuvLog
{
    public List<string> Notes { get; } = [];

    public List<string> Warnings { get; } = [];

    public void Note(FormattableString text) => Notes.Add(text.ToString(CultureInfo.InvariantCulture));

    public void Warn(FormattableString text) => Warnings.Add(text.ToString(CultureInfo.InvariantCulture));
}
