using System.Buffers;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>A link of a <see cref="ReadOnlySequence{T}"/> built over separate blocks of memory, without copying them.</summary>
internal sealed class MemorySegment : ReadOnlySequenceSegment<byte>
{
    private MemorySegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>The blocks in order as one sequence.</summary>
    public static ReadOnlySequence<byte> Build(IReadOnlyList<ReadOnlyMemory<byte>> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        if (blocks.Count == 1)
        {
            return new ReadOnlySequence<byte>(blocks[0]);
        }

        var first = new MemorySegment(blocks[0], 0);
        MemorySegment last = first;
        for (int i = 1; i < blocks.Count; i++)
        {
            var next = new MemorySegment(blocks[i], last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
