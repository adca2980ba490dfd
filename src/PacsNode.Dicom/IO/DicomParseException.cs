using System.Globalization;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.IO;

/// <summary>
/// A dataset or Part 10 file that cannot be parsed: carries the reason, the byte offset where parsing stopped
/// (from the start of the stream) and the tag being read, so that a message names what is wrong and where.
/// </summary>
public sealed class DicomParseException : DicomException
{
    public DicomParseException(DicomParseError error, long offset, DicomTag? tag, string detail)
        : base(Format(error, offset, tag, detail))
    {
        Error = error;
        Offset = offset;
        Tag = tag;
        Detail = detail;
    }

    public DicomParseException(DicomParseError error, long offset, DicomTag? tag, string detail, Exception inner)
        : base(Format(error, offset, tag, detail), inner)
    {
        Error = error;
        Offset = offset;
        Tag = tag;
        Detail = detail;
    }

    public DicomParseException()
        : base("DICOM data could not be parsed")
    {
        Detail = string.Empty;
    }

    public DicomParseException(string message)
        : base(message)
    {
        Detail = message;
    }

    public DicomParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    public DicomParseError Error { get; }

    public long Offset { get; }

    public DicomTag? Tag { get; }

    public string Detail { get; }

    private static string Format(DicomParseError error, long offset, DicomTag? tag, string detail)
    {
        string where = tag is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"at offset {offset} (0x{offset:X}) in element {t}")
            : string.Create(CultureInfo.InvariantCulture, $"at offset {offset} (0x{offset:X})");
        return $"{error}: {detail} {where}";
    }
}
