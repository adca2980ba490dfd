using System.Buffers;

namespace PacsNode.Dicom.IO.Buffers;

/// <summary>
/// The bytes of one element value or fragment, always in little-endian order for binary VRs. In-memory buffers
/// are slices of the memory the reader filled (no second copy); file-backed buffers are a range of a file that
/// is read only when asked.
/// </summary>
public abstract class DicomBuffer
{
    public abstract long Length { get; }

    /// <summary>True when the bytes are in memory and <see cref="Memory"/> can be used without I/O.</summary>
    public abstract bool IsInMemory { get; }

    /// <summary>The bytes as one contiguous block; only for in-memory buffers (see <see cref="IsInMemory"/>).</summary>
    public abstract ReadOnlyMemory<byte> Memory { get; }

    /// <summary>The bytes as a possibly segmented sequence; only for in-memory buffers.</summary>
    public virtual ReadOnlySequence<byte> Sequence => new(Memory);

    public ReadOnlySpan<byte> Span => Memory.Span;

    /// <summary>Loads the bytes, reading the file for file-backed buffers.</summary>
    public abstract ValueTask<ReadOnlyMemory<byte>> GetMemoryAsync(CancellationToken cancellationToken);

    /// <summary>Writes the bytes to a stream without an intermediate copy where possible.</summary>
    public abstract ValueTask CopyToAsync(Stream destination, CancellationToken cancellationToken);

    public static DicomBuffer Empty { get; } = new MemoryDicomBuffer(ReadOnlyMemory<byte>.Empty);

    public static DicomBuffer FromBytes(ReadOnlyMemory<byte> bytes) =>
        bytes.IsEmpty ? Empty : new MemoryDicomBuffer(bytes);

    public static DicomBuffer FromSequence(ReadOnlySequence<byte> bytes) => bytes.IsSingleSegment
        ? FromBytes(bytes.First)
        : new SequenceDicomBuffer(bytes);
}
