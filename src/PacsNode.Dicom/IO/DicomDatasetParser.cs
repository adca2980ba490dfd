using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.IO;

/// <summary>
/// A resumable, bounded dataset parser over <see cref="ReadOnlySequence{T}"/> in the style of Utf8JsonReader:
/// it keeps a stack of open containers (datasets, sequences, pixel fragments) between calls, consumes whole
/// elements only, and reports how far it got. Element values are slices of the input (no copy) except where
/// big-endian binary values are swapped to little-endian. Every length is checked against the enclosing
/// container and the known end of the data before anything is allocated.
/// </summary>
internal sealed partial class DicomDatasetParser
{
    private const uint UndefinedLength = 0xFFFF_FFFF;

    private readonly DicomReaderOptions _options;
    private readonly List<Frame> _frames = [];
    private readonly List<string> _warnings;
    private long _position;
    private long _skip;
    private int _sequenceDepth;

    public DicomDatasetParser(
        DicomDataset root, bool explicitVR, bool bigEndian, long startOffset, DicomReaderOptions options, List<string> warnings)
    {
        _options = options;
        _warnings = warnings;
        _position = startOffset;
        _frames.Add(Frame.ForDataset(root, -1, explicitVR, bigEndian));
    }

    /// <summary>Absolute offset (from the start of the stream) of the first byte not yet consumed.</summary>
    public long Position => _position;

    /// <summary>Bytes the caller must skip in its source (the rest of a value left in the file).</summary>
    public long PendingSkip => _skip;

    /// <summary>Set by the caller after skipping <see cref="PendingSkip"/> bytes in its source without parsing them.</summary>
    public void Skipped(long count)
    {
        _skip -= count;
        _position += count;
    }

    /// <summary>
    /// Creates a file-backed buffer for a large value at an absolute offset, or returns null to keep it in memory.
    /// </summary>
    public Func<long, long, DicomBuffer?>? BulkDataFactory { get; set; }

    /// <summary>
    /// Parses as much of <paramref name="data"/> as forms whole elements.
    /// </summary>
    /// <param name="data">The unconsumed bytes, starting at <see cref="Position"/>.</param>
    /// <param name="isFinalBlock">True when no more data will follow.</param>
    /// <param name="knownEnd">The absolute end of all data when known (a file's length), to reject hostile lengths early.</param>
    /// <param name="consumed">How far the parser consumed.</param>
    public ParseStatus Parse(ReadOnlySequence<byte> data, bool isFinalBlock, long? knownEnd, out SequencePosition consumed)
    {
        var reader = new SequenceReader<byte>(data);
        long end = isFinalBlock ? _position + data.Length : knownEnd ?? long.MaxValue;
        ParseStatus status = Run(ref reader, isFinalBlock, end);
        consumed = reader.Position;
        _position += reader.Consumed;
        return status;
    }

    private ParseStatus Run(ref SequenceReader<byte> reader, bool isFinalBlock, long dataEnd)
    {
        while (true)
        {
            if (_skip > 0)
            {
                long n = Math.Min(_skip, reader.Remaining);
                reader.Advance(n);
                _skip -= n;
                if (_skip > 0)
                {
                    return NeedMore(isFinalBlock, reader, null, "a value left in the file ends beyond the data");
                }
            }

            long pos = _position + reader.Consumed;
            Frame top = _frames[^1];
            if (top.End >= 0 && pos >= top.End)
            {
                Pop();
                continue;
            }

            if (reader.End)
            {
                if (!isFinalBlock)
                {
                    return ParseStatus.NeedMoreData;
                }

                if (_frames.Count == 1)
                {
                    return ParseStatus.Completed;
                }

                CloseAtEnd(pos);
                continue;
            }

            Step step = top.Kind switch
            {
                FrameKind.Dataset => ParseElement(ref reader, top, pos, dataEnd),
                FrameKind.Sequence => ParseItem(ref reader, top, pos, dataEnd),
                _ => ParseFragment(ref reader, top, pos, dataEnd),
            };

            switch (step)
            {
                case Step.Stop:
                    return ParseStatus.Stopped;
                case Step.NeedMore:
                    return NeedMore(isFinalBlock, reader, null, "the data ends inside an element");
                case Step.Skip:
                    return ParseStatus.NeedMoreData;
            }
        }
    }

    private ParseStatus NeedMore(bool isFinalBlock, SequenceReader<byte> reader, DicomTag? tag, string detail)
    {
        if (isFinalBlock)
        {
            throw Error(DicomParseError.UnexpectedEndOfData, _position + reader.Consumed, tag, detail);
        }

        return ParseStatus.NeedMoreData;
    }

    /// <summary>End of data with containers still open: an error, or closed with a warning when allowed.</summary>
    private void CloseAtEnd(long pos)
    {
        Frame top = _frames[^1];
        if (top.End >= 0)
        {
            throw Error(DicomParseError.UnexpectedEndOfData, pos, top.Tag,
                "the data ends before the end of a defined-length item or sequence");
        }

        if (!_options.AllowMissingDelimitersAtEnd)
        {
            DicomParseError error = top.Kind == FrameKind.Dataset
                ? DicomParseError.MissingItemDelimiter
                : DicomParseError.MissingSequenceDelimiter;
            throw Error(error, pos, top.Tag, "the data ends inside an undefined-length container");
        }

        _warnings.Add($"Missing delimiter for {top.Tag} at end of data; closed.");
        Pop();
    }

    private void Push(Frame frame, long pos)
    {
        if (frame.Kind == FrameKind.Sequence && ++_sequenceDepth > _options.MaxSequenceDepth)
        {
            throw Error(DicomParseError.NestingTooDeep, pos, frame.Tag,
                $"sequences nest deeper than {_options.MaxSequenceDepth} levels");
        }

        _frames.Add(frame);
    }

    private void Pop()
    {
        Frame top = _frames[^1];
        if (top.Kind == FrameKind.Sequence)
        {
            _sequenceDepth--;
        }

        _frames.RemoveAt(_frames.Count - 1);
    }

    /// <summary>Checks a value's end against the enclosing containers and the end of the data.</summary>
    private void CheckBounds(long valueStart, long length, long dataEnd, DicomTag tag)
    {
        long valueEnd = valueStart + length;
        for (int i = _frames.Count - 1; i >= 0; i--)
        {
            long frameEnd = _frames[i].End;
            if (frameEnd >= 0)
            {
                if (valueEnd > frameEnd)
                {
                    throw Error(DicomParseError.LengthExceedsEnclosing, valueStart, tag,
                        $"a length of {length} runs {valueEnd - frameEnd} bytes past the end of its enclosing item or sequence");
                }

                break;
            }
        }

        if (valueEnd > dataEnd)
        {
            throw Error(DicomParseError.LengthExceedsRemaining, valueStart, tag,
                $"a length of {length} exceeds the {Math.Max(0, dataEnd - valueStart)} bytes remaining");
        }

        if (valueEnd - valueStart > _options.MaxTotalBytes)
        {
            throw Error(DicomParseError.SizeLimitExceeded, valueStart, tag,
                $"a length of {length} exceeds the limit of {_options.MaxTotalBytes} bytes");
        }
    }

    private static DicomParseException Error(DicomParseError error, long offset, DicomTag? tag, string detail) =>
        new(error, offset, tag, detail);

    [DoesNotReturn]
    private static void Throw(DicomParseError error, long offset, DicomTag? tag, string detail) =>
        throw new DicomParseException(error, offset, tag, detail);

    private enum Step
    {
        Progress,
        NeedMore,
        Stop,

        /// <summary>A value was left in the file; the caller must skip <see cref="PendingSkip"/> bytes.</summary>
        Skip,
    }

    private enum FrameKind
    {
        Dataset,
        Sequence,
        Fragments,
    }

    /// <summary>One open container. End is the absolute end offset, or -1 for undefined length.</summary>
    private readonly record struct Frame(
        FrameKind Kind,
        long End,
        bool ExplicitVR,
        bool BigEndian,
        DicomTag Tag,
        DicomDataset? Dataset,
        DicomSequence? Sequence,
        DicomFragmentSequence? Fragments,
        bool OffsetTableRead = false)
    {
        public static Frame ForDataset(DicomDataset dataset, long end, bool explicitVR, bool bigEndian) =>
            new(FrameKind.Dataset, end, explicitVR, bigEndian, DicomTag.Item, dataset, null, null);
    }
}
