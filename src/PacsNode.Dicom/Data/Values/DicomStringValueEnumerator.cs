using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>Enumerates the trimmed values of one decoded element; see <see cref="DicomStringValues"/>.</summary>
public ref struct DicomStringValueEnumerator
{
    private readonly DicomVR _vr;
    private readonly bool _multiValued;
    private ReadOnlySpan<char> _remaining;
    private bool _done;

    internal DicomStringValueEnumerator(ReadOnlySpan<char> text, DicomVR vr)
    {
        _vr = vr;
        _multiValued = !vr.IsSingleValuedText();
        _remaining = text;
        _done = DicomStringValues.Trim(text, vr).IsEmpty;
        Current = default;
    }

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly DicomStringValueEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        int delimiter = _multiValued ? _remaining.IndexOf(DicomStringValues.Delimiter) : -1;
        if (delimiter < 0)
        {
            Current = DicomStringValues.Trim(_remaining, _vr);
            _remaining = default;
            _done = true;
        }
        else
        {
            Current = DicomStringValues.Trim(_remaining[..delimiter], _vr);
            _remaining = _remaining[(delimiter + 1)..];
        }

        return true;
    }
}
