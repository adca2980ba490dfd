using System.Buffers;

namespace PacsNode.Dicom.IO.Buffers;

/// <summary>
/// A value that spans several read chunks. It is written segment by segment; a contiguous copy is made only
/// when a caller asks for <see cref="Memory"/>, and then once.
/// </summary>
internal sealed class SequenceDicomBuffer(ReadOnlySequence<byte> sequence) : DicomBuffer
{
    private ReadOnlyMemory<byte>? _contiguous;

    public override long Length => sequence.Length;

    public override bool IsInMemory => true;

    public override ReadOnlySequence<byte> Sequence => sequence;

    public override ReadOnlyMemory<byte> Memory => _contiguous ??= sequence.ToArray();

    public override ValueTask<ReadOnlyMemory<byte>> GetMemoryAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(Memory);

    public override async ValueTask CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        foreach (ReadOnlyMemory<byte> segment in sequence)
        {
            await destination.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }
    }
}
