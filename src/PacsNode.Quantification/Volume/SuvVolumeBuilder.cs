using System.Buffers.Binary;
using System.Globalization;
using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Quantification.Suv;

namespace PacsNode.Quantification.Volume;

/// <summary>
/// Builds a float SUV volume from single-frame slices with uncompressed pixel data (8 or 16 bits allocated,
/// signed or unsigned by PixelRepresentation, BitsStored honoured, little-endian as the core holds it), applying
/// each slice's own RescaleSlope/Intercept and SUV factor: SUV = (stored × slope + intercept) × factor.
/// Compressed slices are decoded through the core's codecs; a syntax without a codec (JPEG 2000 so far) or a
/// corrupt bitstream is refused, naming the syntax and what went wrong. Enhanced PET files are decoded, then split
/// into frames (<see cref="EnhancedPetFrames"/>): the factors must then come from the same files (one per frame).
/// </summary>
public static class SuvVolumeBuilder
{
    public static async Task<VolumeResult<SuvVolume>> BuildAsync(
        IReadOnlyList<DicomFile> files,
        SuvFactors factors,
        SuvNormalisation normalisation,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(factors);
        VolumeResult<IReadOnlyList<DicomFile>> expanded = await ExpandFramesAsync(files, cancellationToken).ConfigureAwait(false);
        if (!expanded.IsSuccess)
        {
            return Fail(expanded.Failure.Reason, expanded.Failure.Message);
        }

        files = expanded.Value;
        if (factors.Slices.Count != files.Count)
        {
            return Fail(VolumeFailureReason.FactorMismatch, Invariant(
                $"the SUV factors cover {factors.Slices.Count} slices, the series has {files.Count}"));
        }

        if (!factors.NormaliserRatios.ContainsKey(normalisation))
        {
            return Fail(VolumeFailureReason.NormaliserUnavailable, $"{normalisation} is not available for this series (see the SUV provenance notes)");
        }

        var datasets = new DicomDataset[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            try
            {
                // Compressed slices are decoded through the core's codec registry (RLE, JPEG Lossless, JPEG-LS).
                datasets[i] = DicomTranscoder.ForSyntax(files[i].Dataset, files[i].TransferSyntax, DicomTransferSyntax.ExplicitVRLittleEndian);
            }
            catch (DicomException ex)
            {
                return Fail(VolumeFailureReason.CompressedPixelData, Invariant(
                    $"slice {i} is in {files[i].TransferSyntax.Name} ({files[i].TransferSyntax.Uid}) and cannot be decoded: {ex.Message}"));
            }
        }

        VolumeResult<VolumeGeometry> assembled = VolumeAssembler.Assemble([.. files.Select(f => f.Dataset)]);
        if (!assembled.IsSuccess)
        {
            return VolumeResult<SuvVolume>.Fail(assembled.Failure.Reason, assembled.Failure.Message);
        }

        VolumeGeometry geometry = assembled.Value;
        int plane = geometry.Columns * geometry.Rows;
        float[] voxels = new float[geometry.VoxelCount];
        for (int z = 0; z < geometry.SliceCount; z++)
        {
            int index = geometry.SliceOrder[z];
            factors.TryGetFactor(index, normalisation, out double factor);
            SuvSliceFactor slice = factors.Slices[index];
            VolumeFailure? failure = await DecodeAsync(
                datasets[index], index, plane, slice.RescaleSlope, slice.RescaleIntercept, factor,
                voxels.AsMemory(z * plane, plane), cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return VolumeResult<SuvVolume>.Fail(failure.Reason, failure.Message);
            }
        }

        return VolumeResult<SuvVolume>.Success(new SuvVolume(geometry, voxels, normalisation));
    }

    internal static async Task<VolumeFailure?> DecodeAsync(
        DicomDataset dataset, int index, int count, double slope, double intercept, double factor,
        Memory<float> destination, CancellationToken cancellationToken)
    {
        if (dataset.Get(DicomTag.PixelData) is not DicomElement pixelData)
        {
            return new VolumeFailure(VolumeFailureReason.MissingPixelData, Invariant($"slice {index} has no native PixelData (7FE0,0010)"));
        }

        int samples = dataset.TryGetInt32(DicomTag.SamplesPerPixel, out int s) ? s : 1;
        if (!dataset.TryGetInt32(DicomTag.BitsAllocated, out int allocated) || allocated is not (8 or 16) || samples != 1 ||
            !dataset.TryGetInt32(DicomTag.PixelRepresentation, out int representation) || representation is not (0 or 1))
        {
            return new VolumeFailure(VolumeFailureReason.UnsupportedPixelFormat, Invariant(
                $"slice {index}: only one sample of 8 or 16 bits allocated with PixelRepresentation 0 or 1 is supported"));
        }

        int stored = dataset.TryGetInt32(DicomTag.BitsStored, out int b) && b > 0 && b <= allocated ? b : allocated;
        int bytes = allocated / 8;
        ReadOnlyMemory<byte> memory = await pixelData.Buffer.GetMemoryAsync(cancellationToken).ConfigureAwait(false);
        if (memory.Length < (long)count * bytes)
        {
            return new VolumeFailure(VolumeFailureReason.UnsupportedPixelFormat, Invariant(
                $"slice {index}: PixelData holds {memory.Length} bytes, the matrix needs {(long)count * bytes}"));
        }

        Convert(memory.Span, destination.Span, bytes, stored, representation == 1, slope * factor, intercept * factor);
        return null;
    }

    private static void Convert(ReadOnlySpan<byte> source, Span<float> destination, int bytes, int stored, bool signed, double scale, double offset)
    {
        int mask = (1 << stored) - 1;
        int signBit = 1 << (stored - 1);
        for (int i = 0; i < destination.Length; i++)
        {
            int raw = (bytes == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(source[(i * 2)..]) : source[i]) & mask;
            if (signed && (raw & signBit) != 0)
            {
                raw -= 1 << stored;
            }

            destination[i] = (float)((raw * scale) + offset);
        }
    }

    /// <summary>Enhanced PET files decoded to native pixels and split into one file per frame; others as given.</summary>
    private static async Task<VolumeResult<IReadOnlyList<DicomFile>>> ExpandFramesAsync(IReadOnlyList<DicomFile> files, CancellationToken cancellationToken)
    {
        if (!files.Any(f => EnhancedPetFrames.IsMultiFrame(f.Dataset)))
        {
            return VolumeResult<IReadOnlyList<DicomFile>>.Success(files);
        }

        var result = new List<DicomFile>();
        for (int i = 0; i < files.Count; i++)
        {
            DicomFile file = files[i];
            if (!EnhancedPetFrames.IsMultiFrame(file.Dataset))
            {
                result.Add(file);
                continue;
            }

            DicomDataset native;
            try
            {
                native = DicomTranscoder.ForSyntax(file.Dataset, file.TransferSyntax, DicomTransferSyntax.ExplicitVRLittleEndian);
            }
            catch (DicomException ex)
            {
                return VolumeResult<IReadOnlyList<DicomFile>>.Fail(VolumeFailureReason.CompressedPixelData, Invariant(
                    $"file {i} is in {file.TransferSyntax.Name} ({file.TransferSyntax.Uid}) and cannot be decoded: {ex.Message}"));
            }

            if (native.Get(DicomTag.PixelData) is DicomElement { Buffer.IsInMemory: false } onDisk)
            {
                // File-backed pixel data (DicomReaderOptions.FileBackedThreshold): load it once to cut the frames.
                ReadOnlyMemory<byte> bytes = await onDisk.Buffer.GetMemoryAsync(cancellationToken).ConfigureAwait(false);
                native = new DicomDataset(native.Where(item => item.Tag != DicomTag.PixelData));
                native.AddOrUpdate(new DicomElement(onDisk.Tag, onDisk.VR, DicomBuffer.FromBytes(bytes)));
            }

            if (!EnhancedPetFrames.TryExpand([native], out IReadOnlyList<DicomDataset> frames, out string? error))
            {
                return VolumeResult<IReadOnlyList<DicomFile>>.Fail(VolumeFailureReason.MultiFrameNotSupported, Invariant($"file {i}: {error}"));
            }

            result.AddRange(frames.Select(f => new DicomFile(file.FileMetaInformation, f, DicomTransferSyntax.ExplicitVRLittleEndian)));
        }

        return VolumeResult<IReadOnlyList<DicomFile>>.Success(result);
    }

    private static VolumeResult<SuvVolume> Fail(VolumeFailureReason reason, string message) =>
        VolumeResult<SuvVolume>.Fail(reason, message);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
