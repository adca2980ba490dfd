namespace PacsNode.Dicom.IO.Buffers;

/// <summary>A contiguous in-memory value: usually a slice of the array the reader filled.</summary>
internal sealed class MemoryDicomBuffer(ReadOnlyMemory<byte> memory) : DicomBuffer
{
    public override long Length => memory.Length;

    public override bool IsInMemory => true;

    public override ReadOnlyMemory<byte> Memory => memory;

    public override ValueTask<ReadOnlyMemory<byte>> GetMemoryAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(memory);

    public override ValueTask CopyToAsync(Stream destination, CancellationToken cancellationToken) =>
        memory.IsEmpty ? ValueTask.CompletedTask : destination.WriteAsync(memory, cancellationToken);
}
