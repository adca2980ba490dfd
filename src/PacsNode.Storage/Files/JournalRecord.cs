using System.Buffers.Binary;
using System.Text;

namespace PacsNode.Storage.Files;

/// <summary>What a store journal record says was acknowledged.</summary>
internal enum JournalRecordKind : byte
{
    /// <summary>The instance's Part 10 bytes are in the record: replay writes them to the path.</summary>
    Instance = 1,

    /// <summary>The file was flushed at its path before the record (too large to copy): replay only indexes it.</summary>
    Reference = 2,
}

/// <summary>
/// Where a record starts (or the journal's next record will): the segment, the byte offset in it, and the sequence
/// number the record there must carry. Sequence numbers grow by one per record for the journal's whole life.
/// </summary>
internal readonly record struct JournalPosition(long Segment, long Offset, long Sequence);

/// <summary>
/// One record of the store journal: an instance that was (or is being) acknowledged, by its path relative to the data
/// folder, the path of the copy it replaced (Replace policy, other Study/Series UIDs) and, for
/// <see cref="JournalRecordKind.Instance"/>, its bytes. On disk (little endian, 8-byte aligned):
/// <code>
///  0 u32 magic "PNJR"     4 u32 epoch           8 u64 sequence      16 i64 received (Unix ms)
/// 24 u64 payload length  32 u16 path length    34 u16 replaced length  36 u8 kind  37..39 zero
/// 40 u32 CRC-32C of the payload, then bytes 0..39, then the two paths   44 u32 zero
/// 48 path (UTF-8), replaced path (UTF-8), payload, zero padding to a multiple of 8
/// </code>
/// The epoch grows at every opening of the journal, so a record left in the space after a torn tail by an earlier
/// run can never pass for the next record of a later one.
/// </summary>
internal sealed record JournalRecord
{
    public const int HeaderSize = 48;
    public const uint Magic = 0x524A4E50; // "PNJR" read little endian

    public required JournalRecordKind Kind { get; init; }

    public required uint Epoch { get; init; }

    public required JournalPosition Position { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The file's path relative to the data folder, '/'-separated.</summary>
    public required string RelativePath { get; init; }

    /// <summary>The replaced copy's relative path, or null.</summary>
    public string? ReplacedRelativePath { get; init; }

    public required long PayloadLength { get; init; }

    /// <summary>The record's bytes on disk, padding included.</summary>
    public long Size => TotalSize(Encoding.UTF8.GetByteCount(RelativePath),
        ReplacedRelativePath is null ? 0 : Encoding.UTF8.GetByteCount(ReplacedRelativePath), PayloadLength);

    /// <summary>Where the payload starts in the segment.</summary>
    public long PayloadOffset => Position.Offset + HeaderSize + Encoding.UTF8.GetByteCount(RelativePath) +
        (ReplacedRelativePath is null ? 0 : Encoding.UTF8.GetByteCount(ReplacedRelativePath));

    public static long TotalSize(int pathBytes, int replacedBytes, long payloadLength) =>
        (HeaderSize + pathBytes + replacedBytes + payloadLength + 7) & ~7L;

    /// <summary>
    /// The header and the two paths, with the CRC filled in from <paramref name="payloadCrc"/> (the payload's own
    /// CRC-32C, computed before the journal's lock is taken).
    /// </summary>
    public static byte[] EncodeHead(
        JournalRecordKind kind, uint epoch, long sequence, DateTimeOffset receivedAt, string path, string? replaced,
        uint payloadCrc, long payloadLength)
    {
        int pathBytes = Encoding.UTF8.GetByteCount(path);
        int replacedBytes = replaced is null ? 0 : Encoding.UTF8.GetByteCount(replaced);
        if (pathBytes > ushort.MaxValue || replacedBytes > ushort.MaxValue)
        {
            throw new ArgumentException("A journal record's path is longer than 65535 bytes.", nameof(path));
        }

        var head = new byte[HeaderSize + pathBytes + replacedBytes];
        Span<byte> span = head;
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], epoch);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], receivedAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], payloadLength);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)pathBytes);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], (ushort)replacedBytes);
        span[36] = (byte)kind;
        _ = Encoding.UTF8.GetBytes(path, span[HeaderSize..]);
        if (replaced is not null)
        {
            _ = Encoding.UTF8.GetBytes(replaced, span[(HeaderSize + pathBytes)..]);
        }

        uint crc = Crc32C.Append(Crc32C.Append(payloadCrc, span[..40]), span[HeaderSize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], crc);
        return head;
    }

    /// <summary>
    /// Reads the record at <paramref name="offset"/> when it is whole and is the one expected there: magic, kind,
    /// sequence, an epoch not below <paramref name="minimumEpoch"/>, lengths within the segment, and the CRC over
    /// everything. Null otherwise (a torn or stale record: the end of the journal).
    /// </summary>
    public static JournalRecord? TryRead(
        Microsoft.Win32.SafeHandles.SafeFileHandle segment, long segmentLength, long segmentNumber, long offset,
        long sequence, uint minimumEpoch)
    {
        if (offset + HeaderSize > segmentLength)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        if (RandomAccess.Read(segment, header, offset) != HeaderSize ||
            BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic ||
            BinaryPrimitives.ReadInt64LittleEndian(header[8..]) != sequence)
        {
            return null;
        }

        uint epoch = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        int pathBytes = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
        int replacedBytes = BinaryPrimitives.ReadUInt16LittleEndian(header[34..]);
        var kind = (JournalRecordKind)header[36];
        if (epoch < minimumEpoch || kind is not (JournalRecordKind.Instance or JournalRecordKind.Reference) || pathBytes == 0 ||
            payloadLength < 0 || offset + TotalSize(pathBytes, replacedBytes, payloadLength) > segmentLength)
        {
            return null;
        }

        var paths = new byte[pathBytes + replacedBytes];
        if (RandomAccess.Read(segment, paths, offset + HeaderSize) != paths.Length)
        {
            return null;
        }

        uint crc = 0;
        byte[] buffer = new byte[(int)Math.Min(payloadLength, 1 << 20)];
        for (long done = 0; done < payloadLength;)
        {
            int want = (int)Math.Min(buffer.Length, payloadLength - done);
            int read = RandomAccess.Read(segment, buffer.AsSpan(0, want), offset + HeaderSize + paths.Length + done);
            if (read <= 0)
            {
                return null;
            }

            crc = Crc32C.Append(crc, buffer.AsSpan(0, read));
            done += read;
        }

        crc = Crc32C.Append(Crc32C.Append(crc, header[..40]), paths);
        if (crc != BinaryPrimitives.ReadUInt32LittleEndian(header[40..]))
        {
            return null;
        }

        return new JournalRecord
        {
            Kind = kind,
            Epoch = epoch,
            Position = new JournalPosition(segmentNumber, offset, sequence),
            ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(header[16..])),
            RelativePath = Encoding.UTF8.GetString(paths.AsSpan(0, pathBytes)),
            ReplacedRelativePath = replacedBytes == 0 ? null : Encoding.UTF8.GetString(paths.AsSpan(pathBytes)),
            PayloadLength = payloadLength,
        };
    }
}
