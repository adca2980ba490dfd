using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.IO;

/// <summary>
/// Reads Part 10 files (PS3.10 section 7: 128-byte preamble, "DICM", the group 0002 meta information in explicit
/// VR little endian, then the dataset in its transfer syntax), and bare datasets without meta information, whose
/// encoding is guessed from the first element as DCMTK does.
/// </summary>
internal static class DicomFileReader
{
    private const int PreambleLength = 128;
    private static readonly DicomTag TransferSyntaxUid = new(0x0002, 0x0010);
    private static readonly DicomTag FirstAfterMeta = new(0x0003, 0x0000);

    public static async ValueTask<DicomFile> ReadAsync(
        ChunkSource source, string? path, DicomReaderOptions options, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        source.ReadWholeRest = options.StopAtTag is null && options.FileBackedThreshold is null;
        await EnsureAsync(source, 0, PreambleLength + 4 + 8, cancellationToken).ConfigureAwait(false);
        ReadOnlySequence<byte> head = source.From(0);
        if (head.Length < 8)
        {
            throw new DicomParseException(DicomParseError.UnexpectedEndOfData, head.Length, null,
                $"{head.Length} bytes are too few for a DICOM file or dataset");
        }

        byte[] preamble = [];
        long metaStart;
        if (head.Length >= PreambleLength + 4 && IsDicm(head.Slice(PreambleLength, 4)))
        {
            preamble = head.Slice(0, PreambleLength).ToArray();
            metaStart = PreambleLength + 4;
        }
        else if (IsDicm(head.Slice(0, 4)))
        {
            metaStart = 4;
        }
        else
        {
            metaStart = 0;
        }

        var meta = new DicomDataset();
        long datasetStart = metaStart;
        bool hasMeta = metaStart > 0 || FirstGroup(head, false) == 0x0002;
        if (hasMeta)
        {
            await EnsureAsync(source, metaStart, 8, cancellationToken).ConfigureAwait(false);
            bool metaExplicit = LooksExplicit(source.From(metaStart));
            if (!metaExplicit)
            {
                warnings.Add("File meta information is encoded in implicit VR; read as such.");
            }

            var metaOptions = options with { StopAtTag = FirstAfterMeta, FileBackedThreshold = null };
            var metaParser = new DicomDatasetParser(meta, metaExplicit, false, metaStart, metaOptions, warnings);
            await RunAsync(metaParser, source, cancellationToken).ConfigureAwait(false);
            datasetStart = metaParser.Position;
        }

        DicomTransferSyntax syntax;
        if (meta.Get(TransferSyntaxUid) is DicomElement { IsEmpty: false } ts)
        {
            syntax = DicomTransferSyntax.FromUid(System.Text.Encoding.ASCII.GetString(ts.Buffer.Span));
        }
        else
        {
            await EnsureAsync(source, datasetStart, 8, cancellationToken).ConfigureAwait(false);
            syntax = Guess(source.From(datasetStart));
            if (hasMeta)
            {
                warnings.Add($"File meta information has no Transfer Syntax UID; the dataset looks like {syntax.Name}.");
            }
        }

        ChunkSource datasetSource = source;
        long parseStart = datasetStart;
        if (syntax.IsDeflated)
        {
            datasetSource = await InflateAsync(source, datasetStart, options, cancellationToken).ConfigureAwait(false);
            parseStart = 0;
        }

        var dataset = new DicomDataset();
        await EnsureAsync(datasetSource, parseStart, 8, cancellationToken).ConfigureAwait(false);
        ReadOnlySequence<byte> first = datasetSource.From(parseStart);
        bool explicitVR = syntax.IsExplicitVR;
        if (first.Length >= 8 && !syntax.IsBigEndian && explicitVR != LooksExplicit(first))
        {
            explicitVR = !explicitVR;
            warnings.Add($"The dataset is encoded in {(explicitVR ? "explicit" : "implicit")} VR although its " +
                         $"transfer syntax is {syntax.Name}; read as found.");
        }

        var parser = new DicomDatasetParser(dataset, explicitVR, syntax.IsBigEndian, parseStart, options, warnings);
        if (path is not null && options.FileBackedThreshold is not null && datasetSource.IsSeekableFile)
        {
            parser.BulkDataFactory = (offset, length) => new FileDicomBuffer(path, offset, length);
        }

        await RunAsync(parser, datasetSource, cancellationToken).ConfigureAwait(false);
        return new DicomFile(meta, dataset, syntax, preamble, warnings, path);
    }

    /// <summary>Feeds the parser until it completes or stops, fetching and skipping as it asks.</summary>
    private static async ValueTask RunAsync(DicomDatasetParser parser, ChunkSource source, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadOnlySequence<byte> data = source.From(parser.Position);
            ParseStatus status = parser.Parse(data, source.IsComplete, source.KnownEnd, out _);
            if (status != ParseStatus.NeedMoreData)
            {
                return;
            }

            if (parser.PendingSkip > 0)
            {
                long skip = parser.PendingSkip;
                source.Skip(skip);
                parser.Skipped(skip);
                continue;
            }

            await source.ReadMoreAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async ValueTask EnsureAsync(ChunkSource source, long offset, int count, CancellationToken ct)
    {
        while (source.BufferedEnd < offset + count && !source.IsComplete)
        {
            await source.ReadMoreAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The rest of a deflated file (PS3.5 A.5: raw deflate, no zlib header), inflated within the size limit.</summary>
    private static async ValueTask<ChunkSource> InflateAsync(
        ChunkSource source, long datasetStart, DicomReaderOptions options, CancellationToken cancellationToken)
    {
        while (!source.IsComplete)
        {
            await source.ReadMoreAsync(cancellationToken).ConfigureAwait(false);
        }

        ReadOnlySequence<byte> compressed = source.From(datasetStart);
        using var input = new SequenceStream(compressed);
        var inflater = new DeflateStream(input, CompressionMode.Decompress);
        await using (inflater.ConfigureAwait(false))
        {
            var inflated = new ChunkSource(inflater, options.MaxTotalBytes);
            try
            {
                while (await inflated.ReadMoreAsync(cancellationToken).ConfigureAwait(false))
                {
                }
            }
            catch (InvalidDataException ex)
            {
                throw new DicomParseException(DicomParseError.InvalidDeflateData, datasetStart, null,
                    "the deflated dataset is not valid deflate data", ex);
            }

            return new ChunkSource(inflated.From(0));
        }
    }

    private static bool IsDicm(ReadOnlySequence<byte> four)
    {
        Span<byte> b = stackalloc byte[4];
        four.CopyTo(b);
        return b.SequenceEqual("DICM"u8);
    }

    private static ushort FirstGroup(ReadOnlySequence<byte> data, bool bigEndian)
    {
        Span<byte> b = stackalloc byte[2];
        data.Slice(0, 2).CopyTo(b);
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);
    }

    /// <summary>Explicit VR when the two bytes after the first tag are a VR of table 6.2-1.</summary>
    private static bool LooksExplicit(ReadOnlySequence<byte> data)
    {
        if (data.Length < 6)
        {
            return true;
        }

        Span<byte> b = stackalloc byte[6];
        data.Slice(0, 6).CopyTo(b);
        return DicomVRInfo.TryParse(b[4], b[5], out _);
    }

    /// <summary>A bare dataset's encoding, from its first element.</summary>
    private static DicomTransferSyntax Guess(ReadOnlySequence<byte> data)
    {
        if (data.Length < 8)
        {
            return DicomTransferSyntax.ImplicitVRLittleEndian;
        }

        ushort little = FirstGroup(data, false);
        ushort big = FirstGroup(data, true);
        if ((little & 0x00FF) == 0 && big is > 0 and <= 0x0010 && LooksExplicit(data))
        {
            return DicomTransferSyntax.ExplicitVRBigEndian;
        }

        return LooksExplicit(data) ? DicomTransferSyntax.ExplicitVRLittleEndian : DicomTransferSyntax.ImplicitVRLittleEndian;
    }
}
