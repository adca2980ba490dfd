using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.Imaging;

/// <summary>
/// Frame-by-frame access to an image's pixels in any transfer syntax the codec registry decodes (native, RLE,
/// JPEG Lossless, JPEG-LS): <c>(await DicomPixelData.LoadAsync(file, ct)).GetFrame(n).ToFloat()</c> gives frame n
/// with its rescale applied (per-frame functional groups of enhanced multi-frame images included).
/// A compressed frame is decoded when asked for; a syntax without a decoder or a corrupt bitstream throws
/// <see cref="DicomException"/> (<see cref="DicomCodecException"/> for the bitstream) naming what went wrong.
/// </summary>
public sealed class DicomPixelData
{
    private readonly DicomDataset _dataset;
    private readonly DicomTransferSyntax _syntax;
    private readonly ReadOnlyMemory<byte> _native;
    private readonly List<byte[]>? _compressed;

    private DicomPixelData(DicomDataset dataset, DicomTransferSyntax syntax, PixelFormat format, ReadOnlyMemory<byte> native, List<byte[]>? compressed)
    {
        _dataset = dataset;
        _syntax = syntax;
        Format = format;
        _native = native;
        _compressed = compressed;
    }

    public PixelFormat Format { get; }

    public int FrameCount => Format.NumberOfFrames;

    public static Task<DicomPixelData> LoadAsync(DicomFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return LoadAsync(file.Dataset, file.TransferSyntax, cancellationToken);
    }

    /// <summary>Reads the pixel format and the pixel data (loading file-backed values) of a dataset in <paramref name="syntax"/>.</summary>
    public static async Task<DicomPixelData> LoadAsync(DicomDataset dataset, DicomTransferSyntax syntax, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        var format = PixelFormat.FromDataset(dataset);
        switch (dataset.Get(DicomTag.PixelData))
        {
            case DicomElement element:
                ReadOnlyMemory<byte> native = await element.Buffer.GetMemoryAsync(cancellationToken).ConfigureAwait(false);
                if (native.Length < format.FrameLength * format.NumberOfFrames)
                {
                    throw new DicomException(
                        $"Pixel Data has {native.Length} bytes; {format.NumberOfFrames} frames of {format.FrameLength} bytes were expected.");
                }

                return new DicomPixelData(dataset, syntax, format, native, null);
            case DicomFragmentSequence fragments:
                _ = DicomCodecRegistry.Find(syntax) ?? throw new DicomException(
                    $"{syntax.Name} ({syntax.Uid}) pixel data needs a decoder, which this build does not have.");
                var loaded = new List<ReadOnlyMemory<byte>>();
                foreach (DicomBuffer fragment in fragments.Fragments)
                {
                    loaded.Add(await fragment.GetMemoryAsync(cancellationToken).ConfigureAwait(false));
                }

                ReadOnlyMemory<byte> table = await fragments.OffsetTable.GetMemoryAsync(cancellationToken).ConfigureAwait(false);
                var inMemory = new DicomFragmentSequence(fragments.Tag, fragments.VR, DicomBuffer.FromBytes(table),
                    loaded.Select(f => DicomBuffer.FromBytes(f)));
                return new DicomPixelData(dataset, syntax, format, default, EncapsulatedFrames.Split(inMemory, format.NumberOfFrames));
            default:
                throw new DicomException("The dataset has no Pixel Data (7FE0,0010).");
        }
    }

    /// <summary>Frame <paramref name="index"/> (0-based), decoded if compressed, with its rescale.</summary>
    public PixelFrame GetFrame(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, FrameCount);
        byte[] bytes;
        if (_compressed is null)
        {
            bytes = _native.Slice((int)(index * Format.FrameLength), (int)Format.FrameLength).ToArray();
        }
        else
        {
            bytes = new byte[Format.FrameLength];
            DicomCodecRegistry.Find(_syntax)!.Decode(_compressed[index], Format, bytes);
        }

        return new PixelFrame(Format, index, bytes, PixelRescale.ForFrame(_dataset, index));
    }
}
