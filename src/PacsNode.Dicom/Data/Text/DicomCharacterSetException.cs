namespace PacsNode.Dicom.Data.Text;

/// <summary>
/// A Specific Character Set (0008,0005) that cannot be used: an unknown or misplaced defined term, or text
/// with a character that the declared character sets cannot encode.
/// </summary>
public sealed class DicomCharacterSetException : DicomException
{
    public DicomCharacterSetException()
    {
    }

    public DicomCharacterSetException(string message)
        : base(message)
    {
    }

    public DicomCharacterSetException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DicomCharacterSetException(string message, string? term)
        : base(message)
    {
        Term = term;
    }

    /// <summary>The defined term at fault, as it appeared in (0008,0005); null when no single term is.</summary>
    public string? Term { get; }
}
