using System.Buffers;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.IO;

/// <summary>
/// A DICOM file (PS3.10): optional preamble, file meta information (group 0002) and the dataset, with the
/// transfer syntax the dataset was read in and any warnings the reader had about the input.
/// </summary>
public sealed class DicomFile
{
    public DicomFile(DicomDataset fileMetaInformation, DicomDataset dataset, DicomTransferSyntax transferSyntax)
        : this(fileMetaInformation, dataset, transferSyntax, [], [], null)
    {
    }

    internal DicomFile(
        DicomDataset meta, DicomDataset dataset, DicomTransferSyntax syntax, byte[] preamble,
        IReadOnlyList<string> warnings, string? path)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        FileMetaInformation = meta;
        Dataset = dataset;
        TransferSyntax = syntax;
        Preamble = preamble;
        Warnings = warnings;
        Path = path;
    }

    public DicomDataset FileMetaInformation { get; }

    public DicomDataset Dataset { get; }

    /// <summary>The transfer syntax the dataset was encoded in.</summary>
    public DicomTransferSyntax TransferSyntax { get; }

    /// <summary>The 128-byte preamble, empty when the input had none.</summary>
    public ReadOnlyMemory<byte> Preamble { get; }

    /// <summary>True when the input was a bare dataset without "DICM" and file meta information.</summary>
    public bool HasMetaInformation => FileMetaInformation.Count > 0;

    /// <summary>What the reader tolerated: odd lengths, duplicate elements, stray delimiters, …</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The file read from, when read from a file.</summary>
    public string? Path { get; }

    public static async Task<DicomFile> OpenAsync(
        string path, DicomReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= DicomReaderOptions.Default;
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            BufferSize = 0,
        });
        await using (stream.ConfigureAwait(false))
        {
            var source = new ChunkSource(stream, options.MaxTotalBytes);
            return await DicomFileReader.ReadAsync(source, path, options, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<DicomFile> ReadAsync(
        Stream stream, DicomReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= DicomReaderOptions.Default;
        var source = new ChunkSource(stream, options.MaxTotalBytes);
        return await DicomFileReader.ReadAsync(source, null, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses a file or bare dataset already in memory; element values are slices of it.</summary>
    public static DicomFile Parse(byte[] bytes, DicomReaderOptions? options = null) =>
        Parse(new ReadOnlySequence<byte>(bytes), options);

    /// <summary>Parses a file or bare dataset already in memory; element values are slices of it.</summary>
    public static DicomFile Parse(ReadOnlyMemory<byte> bytes, DicomReaderOptions? options = null) =>
        Parse(new ReadOnlySequence<byte>(bytes), options);

    public static DicomFile Parse(ReadOnlySequence<byte> bytes, DicomReaderOptions? options = null)
    {
        var source = new ChunkSource(bytes);
        ValueTask<DicomFile> pending = DicomFileReader.ReadAsync(
            source, null, options ?? DicomReaderOptions.Default, CancellationToken.None);

        // Every read of a complete in-memory source finishes synchronously, so nothing blocks here.
        if (!pending.IsCompleted)
        {
            throw new InvalidOperationException("An in-memory parse did not complete synchronously.");
        }

        return pending.Result;
    }

    /// <summary>
    /// Writes only the preamble, "DICM" and file meta information for a dataset whose bytes, already encoded in
    /// <paramref name="transferSyntax"/>, follow (a received C-STORE dataset becoming a Part 10 file).
    /// </summary>
    public static Task WriteHeaderAsync(
        Stream destination, string sopClassUid, string sopInstanceUid, DicomTransferSyntax transferSyntax,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(sopClassUid);
        ArgumentNullException.ThrowIfNull(sopInstanceUid);
        ArgumentNullException.ThrowIfNull(transferSyntax);
        DicomDataset meta = DicomFileWriter.BuildMeta([],
            DicomBuffer.FromBytes(System.Text.Encoding.ASCII.GetBytes(sopClassUid)),
            DicomBuffer.FromBytes(System.Text.Encoding.ASCII.GetBytes(sopInstanceUid)), transferSyntax);
        return DicomFileWriter.WriteHeaderAsync(meta, new byte[128], destination, cancellationToken);
    }

    /// <summary>Writes the file to a stream in the options' transfer syntax (default: the one it was read in).</summary>
    public Task WriteAsync(Stream destination, DicomWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return DicomFileWriter.WriteAsync(this, destination, options ?? DicomWriteOptions.Default, cancellationToken);
    }

    /// <summary>
    /// Saves to a path durably: written to a temporary file beside it, flushed to disk, then renamed over the
    /// target, so a reader never sees a half-written file and a crash leaves the old file or the new one.
    /// </summary>
    public async Task SaveAsync(string path, DicomWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = System.IO.Path.GetFullPath(path);
        string temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
                BufferSize = 64 * 1024,
            });
            await using (stream.ConfigureAwait(false))
            {
                await WriteAsync(stream, options, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                RandomAccess.FlushToDisk(stream.SafeFileHandle);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
