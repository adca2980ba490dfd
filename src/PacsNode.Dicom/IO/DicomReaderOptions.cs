using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.IO;

/// <summary>Per-call reader settings: limits that bound hostile input, early stop, and bulk data handling.</summary>
public sealed record DicomReaderOptions
{
    public static DicomReaderOptions Default { get; } = new();

    /// <summary>Stop before the first top-level element whose tag is at or above this one (e.g. Pixel Data).</summary>
    public DicomTag? StopAtTag { get; init; }

    /// <summary>The deepest sequence nesting accepted; deeper input fails with NestingTooDeep.</summary>
    public int MaxSequenceDepth { get; init; } = 64;

    /// <summary>The most bytes one dataset may occupy in memory (after inflating a deflated stream).</summary>
    public long MaxTotalBytes { get; init; } = 1L << 31;

    /// <summary>
    /// When reading a seekable file, values at least this long (pixel data) are left in the file and read on
    /// demand; null keeps every value in memory.
    /// </summary>
    public long? FileBackedThreshold { get; init; }

    /// <summary>
    /// Accept undefined-length sequences and items that are still open at the end of the data, closing them
    /// with a warning, as DCMTK does for truncated delimiters. Off by default: such data is reported as an error.
    /// </summary>
    public bool AllowMissingDelimitersAtEnd { get; init; }
}
