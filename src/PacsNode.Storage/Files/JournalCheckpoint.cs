using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace PacsNode.Storage.Files;

/// <summary>
/// The store journal's checkpoint file: where replay starts (every record before that position has its file, folder
/// entries and index row flushed) and the epoch of the current opening. Two slots, one per 4 KiB page, written in
/// turn and flushed, so a write torn by a power loss leaves the other slot; the valid slot with the higher generation
/// wins. Slot (little endian): u32 "PNJC", u32 version 1, u64 generation, u32 epoch, u32 minimum epoch, i64 segment,
/// i64 offset, i64 sequence, u32 CRC-32C of bytes 0..47.
/// <para>
/// The minimum epoch is the least epoch the record at the position may carry: the epoch of the unapplied record the
/// checkpoint stopped at, or the epoch that moved it to the head (the next record there is written in that epoch or a
/// later one). Without it, bytes left at the position by an earlier run (written after a record that was then torn,
/// and carrying the very sequence number expected there once the torn record's sequence was written again) would pass
/// for the next record. Slots written before it was kept hold zero there: any epoch.
/// </para>
/// </summary>
internal sealed class JournalCheckpoint : IDisposable
{
    public const string FileName = "checkpoint";

    private const uint Magic = 0x434A4E50; // "PNJC"
    private const int SlotSize = 52;
    private const int SlotStride = 4096;

    private readonly SafeFileHandle _handle;
    private long _generation;

    private JournalCheckpoint(SafeFileHandle handle, long generation, uint epoch, uint minimumEpoch, JournalPosition position)
    {
        _handle = handle;
        _generation = generation;
        Epoch = epoch;
        MinimumEpoch = minimumEpoch;
        Position = position;
    }

    /// <summary>The epoch of the records written since the last opening.</summary>
    public uint Epoch { get; private set; }

    /// <summary>Where replay starts.</summary>
    public JournalPosition Position { get; private set; }

    /// <summary>The least epoch the record at <see cref="Position"/> may carry.</summary>
    public uint MinimumEpoch { get; private set; }

    /// <summary>
    /// Opens (or creates, at segment 1, offset 0, sequence 1) the checkpoint file of <paramref name="folder"/> and
    /// moves to a new epoch, flushed before this returns: records of earlier openings all have lower epochs.
    /// </summary>
    public static JournalCheckpoint OpenNextEpoch(string folder)
    {
        string path = Path.Combine(folder, FileName);
        // An empty file is one whose first write a crash interrupted: nothing was journaled under it yet.
        bool created = !File.Exists(path) || new FileInfo(path).Length == 0;
        SafeFileHandle handle = OpenExclusive(path);
        try
        {
            (long generation, uint epoch, uint minimumEpoch, JournalPosition position) =
                created ? (0, 0u, 0u, new JournalPosition(1, 0, 1)) : ReadNewest(handle, path);
            var checkpoint = new JournalCheckpoint(handle, generation, epoch, minimumEpoch, position);
            checkpoint.Write(position, minimumEpoch, epoch + 1);
            if (created)
            {
                DirectorySync.Flush(folder);
            }

            return checkpoint;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the checkpoint file for this process alone (an exclusive lock on Unix): the journal belongs to one running
    /// node. Opening it while another holds it fails with an error that says so.
    /// </summary>
    private static SafeFileHandle OpenExclusive(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new IOException(
                $"Cannot open the store journal's checkpoint file '{path}': is another pacsnode (or store) using this data " +
                $"folder? Only one may. ({exception.Message})", exception);
        }
    }

    /// <summary>
    /// Records that replay starts at <paramref name="position"/> from now on, with a record of epoch
    /// <paramref name="minimumEpoch"/> or later; flushed before it returns.
    /// </summary>
    public void Advance(JournalPosition position, uint minimumEpoch) => Write(position, minimumEpoch, Epoch);

    public void Dispose() => _handle.Dispose();

    private void Write(JournalPosition position, uint minimumEpoch, uint epoch)
    {
        long generation = _generation + 1;
        Span<byte> slot = stackalloc byte[SlotSize];
        slot.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(slot, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(slot[4..], 1);
        BinaryPrimitives.WriteInt64LittleEndian(slot[8..], generation);
        BinaryPrimitives.WriteUInt32LittleEndian(slot[16..], epoch);
        BinaryPrimitives.WriteUInt32LittleEndian(slot[20..], minimumEpoch);
        BinaryPrimitives.WriteInt64LittleEndian(slot[24..], position.Segment);
        BinaryPrimitives.WriteInt64LittleEndian(slot[32..], position.Offset);
        BinaryPrimitives.WriteInt64LittleEndian(slot[40..], position.Sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(slot[48..], Crc32C.Compute(slot[..48]));
        RandomAccess.Write(_handle, slot, (generation % 2) * SlotStride);
        RandomAccess.FlushToDisk(_handle);
        _generation = generation;
        Epoch = epoch;
        MinimumEpoch = minimumEpoch;
        Position = position;
    }

    private static (long Generation, uint Epoch, uint MinimumEpoch, JournalPosition Position) ReadNewest(
        SafeFileHandle handle, string path)
    {
        (long Generation, uint Epoch, uint MinimumEpoch, JournalPosition Position)? best = null;
        Span<byte> slot = stackalloc byte[SlotSize];
        for (int i = 0; i < 2; i++)
        {
            if (RandomAccess.Read(handle, slot, i * SlotStride) != SlotSize ||
                BinaryPrimitives.ReadUInt32LittleEndian(slot) != Magic ||
                BinaryPrimitives.ReadUInt32LittleEndian(slot[4..]) != 1 ||
                BinaryPrimitives.ReadUInt32LittleEndian(slot[48..]) != Crc32C.Compute(slot[..48]))
            {
                continue;
            }

            long generation = BinaryPrimitives.ReadInt64LittleEndian(slot[8..]);
            if (best is null || generation > best.Value.Generation)
            {
                best = (generation, BinaryPrimitives.ReadUInt32LittleEndian(slot[16..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(slot[20..]), new JournalPosition(
                    BinaryPrimitives.ReadInt64LittleEndian(slot[24..]),
                    BinaryPrimitives.ReadInt64LittleEndian(slot[32..]),
                    BinaryPrimitives.ReadInt64LittleEndian(slot[40..])));
            }
        }

        return best ?? throw new IOException(
            $"The store journal's checkpoint file '{path}' has no valid slot: refusing to guess where replay starts. " +
            "Move the journal folder aside to start without replaying it (instances acknowledged in the last seconds before " +
            "the crash may then be missing or torn; `pacsnode reindex` lists unreadable files).");
    }
}
