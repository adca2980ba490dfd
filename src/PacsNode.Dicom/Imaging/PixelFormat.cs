using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Imaging;

/// <summary>The Image Pixel module attributes a codec needs (PS3.3 C.7.6.3), read once from a dataset.</summary>
public sealed record PixelFormat(
    int Rows,
    int Columns,
    int SamplesPerPixel,
    int BitsAllocated,
    int BitsStored,
    int PixelRepresentation,
    int PlanarConfiguration,
    string PhotometricInterpretation,
    int NumberOfFrames)
{
    /// <summary>Bytes of one frame of native (uncompressed) pixel data.</summary>
    public long FrameLength => (long)Rows * Columns * SamplesPerPixel * BytesPerSample;

    public int BytesPerSample => (BitsAllocated + 7) / 8;

    /// <summary>
    /// The sample precision a lossless encoder declares: Bits Stored when every sample (as an unsigned bit pattern)
    /// fits it, otherwise Bits Allocated, so that any bit pattern, sign-extended PET values included, survives.
    /// </summary>
    public int LosslessPrecision(int largestSample) =>
        largestSample < 1 << BitsStored && BitsStored >= 2 ? BitsStored : BitsAllocated;

    /// <summary>Reads the format; a clear exception names the attribute that is missing or out of range.</summary>
    public static PixelFormat FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        int rows = Require(dataset, DicomTag.Rows);
        int columns = Require(dataset, DicomTag.Columns);
        int samples = dataset.TryGetInt32(DicomTag.SamplesPerPixel, out int s) ? s : 1;
        int allocated = Require(dataset, DicomTag.BitsAllocated);
        int stored = dataset.TryGetInt32(DicomTag.BitsStored, out int b) ? b : allocated;
        int representation = dataset.TryGetInt32(DicomTag.PixelRepresentation, out int r) ? r : 0;
        int planar = dataset.TryGetInt32(DicomTag.PlanarConfiguration, out int p) ? p : 0;
        int frames = dataset.TryGetInt32(DicomTag.NumberOfFrames, out int f) && f > 0 ? f : 1;
        string photometric = dataset.GetString(DicomTag.PhotometricInterpretation) ?? "MONOCHROME2";
        if (rows <= 0 || columns <= 0 || samples is not (1 or 3) || allocated is not (1 or 8 or 16 or 32 or 64) ||
            stored <= 0 || stored > allocated)
        {
            throw new DicomException(
                $"Unsupported image pixel format: {rows}×{columns}, {samples} samples, {allocated} bits allocated, {stored} stored.");
        }

        return new PixelFormat(rows, columns, samples, allocated, stored, representation, planar, photometric, frames);
    }

    private static int Require(DicomDataset dataset, DicomTag tag) => dataset.TryGetInt32(tag, out int value)
        ? value
        : throw new DicomException($"The image has no usable {DicomDictionary.Lookup(tag)?.Keyword ?? tag.ToString()} {tag}.");
}
