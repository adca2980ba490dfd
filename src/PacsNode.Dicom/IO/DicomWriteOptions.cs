using System.IO.Compression;

namespace PacsNode.Dicom.IO;

/// <summary>How to encode a dataset or file.</summary>
public sealed record DicomWriteOptions
{
    public static DicomWriteOptions Default { get; } = new();

    /// <summary>The transfer syntax to write; null keeps the file's own.</summary>
    public DicomTransferSyntax? TransferSyntax { get; init; }

    /// <summary>Sequence and item lengths: keep what was read, or force defined or undefined lengths.</summary>
    public SequenceLengthEncoding SequenceLengths { get; init; } = SequenceLengthEncoding.Keep;

    /// <summary>Group length elements (gggg,0000) outside the meta group: recomputed where present, or removed.</summary>
    public bool RemoveGroupLengths { get; init; }

    /// <summary>The deflate level for the deflated transfer syntax.</summary>
    public CompressionLevel DeflateLevel { get; init; } = CompressionLevel.Optimal;

    /// <summary>Keep the preamble the file was read with; otherwise 128 zero bytes (PS3.10 7.1) are written.</summary>
    public bool KeepPreamble { get; init; }
}
