using System.Buffers.Binary;

namespace PacsNode.Dicom.Imaging;

/// <summary>
/// One decoded frame: native little-endian sample bytes in the image's sample order, and the frame's modality
/// rescale. The conversions honour Bits Stored (bits above it are ignored) and Pixel Representation (signed values
/// are sign-extended from Bits Stored); they take 8 or 16 bits allocated.
/// </summary>
public sealed class PixelFrame
{
    internal PixelFrame(PixelFormat format, int index, byte[] bytes, PixelRescale rescale)
    {
        Format = format;
        Index = index;
        Bytes = bytes;
        Rescale = rescale;
    }

    public PixelFormat Format { get; }

    /// <summary>The frame's 0-based index in the image.</summary>
    public int Index { get; }

    /// <summary>The native pixel bytes, exactly <see cref="PixelFormat.FrameLength"/> long.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    public PixelRescale Rescale { get; }

    /// <summary>Number of samples (rows × columns × samples per pixel).</summary>
    public int SampleCount => Format.Rows * Format.Columns * Format.SamplesPerPixel;

    /// <summary>The stored values as signed 16-bit; unsigned images must have at most 15 bits stored to fit.</summary>
    public short[] ToInt16()
    {
        if (Format.PixelRepresentation == 0 && Format.BitsStored > 15)
        {
            throw new DicomException(
                $"Unsigned pixels with {Format.BitsStored} bits stored do not fit 16-bit signed values; use ToUInt16 or ToFloat.");
        }

        short[] values = new short[SampleCount];
        Fill(values.AsSpan(), static v => (short)v);
        return values;
    }

    /// <summary>The stored values as unsigned 16-bit; refused for signed images (use ToInt16 or ToFloat).</summary>
    public ushort[] ToUInt16()
    {
        if (Format.PixelRepresentation == 1)
        {
            throw new DicomException("The pixels are signed (Pixel Representation 1); use ToInt16 or ToFloat.");
        }

        ushort[] values = new ushort[SampleCount];
        Fill(values.AsSpan(), static v => (ushort)v);
        return values;
    }

    /// <summary>The values with this frame's rescale applied: stored × slope + intercept, as float.</summary>
    public float[] ToFloat() => ToFloat(Rescale);

    /// <summary>The values with the given rescale applied (computed in double, stored as float).</summary>
    public float[] ToFloat(PixelRescale rescale)
    {
        float[] values = new float[SampleCount];
        Fill(values.AsSpan(), v => (float)((v * rescale.Slope) + rescale.Intercept));
        return values;
    }

    private void Fill<T>(Span<T> destination, Func<int, T> convert)
    {
        if (Format.BitsAllocated is not (8 or 16))
        {
            throw new DicomException($"Pixel values of {Format.BitsAllocated} bits allocated cannot be read as numbers here; 8 or 16 can.");
        }

        ReadOnlySpan<byte> bytes = Bytes.Span;
        int stored = Format.BitsStored;
        int mask = (1 << stored) - 1;
        int signBit = 1 << (stored - 1);
        bool signed = Format.PixelRepresentation == 1;
        bool wide = Format.BitsAllocated == 16;
        for (int i = 0; i < destination.Length; i++)
        {
            int raw = (wide ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]) : bytes[i]) & mask;
            destination[i] = convert(signed && (raw & signBit) != 0 ? raw - (1 << stored) : raw);
        }
    }
}
