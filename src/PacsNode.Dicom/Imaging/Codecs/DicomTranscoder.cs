using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;

namespace PacsNode.Dicom.Imaging.Codecs;

/// <summary>
/// Re-encodes pixel data between transfer syntaxes through the codec registry: compressed to native by the source
/// syntax's codec, native to compressed by the target's. The dataset returned is a shallow copy with new pixel data;
/// the input is left as it was. The encoders are lossless, so encoding keeps the Lossy Image Compression attributes;
/// decoding a lossy syntax (JPEG 2000 .91, JPEG-LS near-lossless, JPEG lossy) records the loss the pixels went through
/// when the dataset does not say so already (PS3.3 C.7.6.1.1.5: Lossy Image Compression "01" and the method).
/// Colour pixels encoded as JPEG or JPEG-LS are made sample-interleaved with Planar Configuration 0 (PS3.5 8.2).
/// </summary>
public static class DicomTranscoder
{
    /// <summary>
    /// The dataset to write in <paramref name="target"/>, transcoding pixel data where needed: the image's own and
    /// that of nested images such as the Icon Image Sequence, since one transfer syntax covers them all.
    /// </summary>
    public static DicomDataset ForSyntax(DicomDataset dataset, DicomTransferSyntax source, DicomTransferSyntax target)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        DicomDataset result = TranscodeOwnPixels(dataset, source, target);
        foreach (DicomItem item in dataset)
        {
            if (item is not DicomSequence sequence || !sequence.Items.Any(ContainsPixelData))
            {
                continue;
            }

            if (ReferenceEquals(result, dataset))
            {
                result = new DicomDataset(dataset) { Parent = dataset.Parent };
            }

            var copy = new DicomSequence(sequence.Tag, sequence.Items.Select(i => ForSyntax(i, source, target)))
            {
                UndefinedLength = sequence.UndefinedLength,
            };
            result.AddOrUpdate(copy);
        }

        return result;
    }

    private static bool ContainsPixelData(DicomDataset dataset) => dataset.Any(item =>
        item.Tag == DicomTag.PixelData || (item is DicomSequence s && s.Items.Any(ContainsPixelData)));

    private static DicomDataset TranscodeOwnPixels(DicomDataset dataset, DicomTransferSyntax source, DicomTransferSyntax target)
    {
        DicomItem? pixels = dataset.Get(DicomTag.PixelData);
        bool sameEncapsulation = pixels is DicomFragmentSequence
            ? target.IsEncapsulated && string.Equals(source.Uid, target.Uid, StringComparison.Ordinal)
            : !target.IsEncapsulated;
        if (pixels is null || sameEncapsulation)
        {
            return dataset;
        }

        var format = PixelFormat.FromDataset(dataset);
        List<byte[]> native = pixels switch
        {
            DicomFragmentSequence fragments => Decode(fragments, source, format),
            DicomElement element => SplitNative(element, format),
            _ => throw new DicomException("Pixel Data is a sequence of items, which no transfer syntax allows."),
        };

        var copy = new DicomDataset(dataset) { Parent = dataset.Parent };
        if (format.SamplesPerPixel > 1 && format.PlanarConfiguration == 1 && IsJpegFamily(target))
        {
            // PS3.5 8.2.1 and 8.2.3: JPEG and JPEG-LS define how components are coded, so Planar Configuration shall be 0.
            native = native.Select(f => PlanarToInterleaved(f, format)).ToList();
            format = format with { PlanarConfiguration = 0 };
            copy.AddOrUpdate(new DicomElement(DicomTag.PlanarConfiguration, DicomVR.US, DicomBuffer.FromBytes(new byte[2])));
        }

        if (target.IsEncapsulated)
        {
            IDicomCodec codec = DicomCodecRegistry.Find(target) ?? throw Missing(target, "an encoder");
            copy.AddOrUpdate(EncapsulatedFrames.Build(native.Select(f => codec.Encode(f, format)).ToList(), DicomTag.PixelData));
        }
        else
        {
            byte[] all = native.SelectMany(f => f).ToArray();
            if (format.PhotometricInterpretation is "YBR_RCT" or "YBR_ICT")
            {
                copy.SetString(DicomTag.PhotometricInterpretation, DicomVR.CS, "RGB"); // the decoder undid RCT/ICT (PS3.5 8.2.4)
            }

            copy.AddOrUpdate(new DicomElement(DicomTag.PixelData, format.BitsAllocated > 8 ? DicomVR.OW : DicomVR.OB,
                DicomBuffer.FromBytes(all)));
            if (source.IsLossy)
            {
                RecordLoss(copy, source);
            }
        }

        return copy;
    }

    /// <summary>
    /// Lossy Image Compression "01" and the source's method (PS3.3 C.7.6.1.1.5.1 defined terms) appended to the methods
    /// already listed, unless the dataset already records lossy compression.
    /// </summary>
    private static void RecordLoss(DicomDataset dataset, DicomTransferSyntax source)
    {
        if (string.Equals(dataset.GetString(DicomTag.LossyImageCompression), "01", StringComparison.Ordinal))
        {
            return;
        }

        dataset.SetString(DicomTag.LossyImageCompression, DicomVR.CS, "01");
        string? method = source.Uid switch
        {
            "1.2.840.10008.1.2.4.81" => "ISO_14495_1",
            "1.2.840.10008.1.2.4.91" or "1.2.840.10008.1.2.4.93" => "ISO_15444_1",
            "1.2.840.10008.1.2.4.202" or "1.2.840.10008.1.2.4.203" => "ISO_15444_15",
            _ when source.Uid.StartsWith("1.2.840.10008.1.2.4.", StringComparison.Ordinal) => "ISO_10918_1",
            _ => null,
        };
        if (method is not null)
        {
            dataset.SetString(DicomTag.LossyImageCompressionMethod, DicomVR.CS,
                string.Join('\\', [.. dataset.GetStrings(DicomTag.LossyImageCompressionMethod), method]));
        }
    }

    private static bool IsJpegFamily(DicomTransferSyntax syntax) =>
        syntax.IsEncapsulated && syntax.Uid.StartsWith("1.2.840.10008.1.2.4.", StringComparison.Ordinal);

    /// <summary>R…G…B… planes of one frame as R G B R G B… (samples of any byte width).</summary>
    private static byte[] PlanarToInterleaved(byte[] frame, PixelFormat format)
    {
        int pixels = format.Rows * format.Columns;
        int width = format.BytesPerSample;
        int samples = format.SamplesPerPixel;
        byte[] result = new byte[frame.Length];
        for (int c = 0; c < samples; c++)
        {
            for (int p = 0; p < pixels; p++)
            {
                frame.AsSpan(((c * pixels) + p) * width, width).CopyTo(result.AsSpan(((p * samples) + c) * width));
            }
        }

        return result;
    }

    private static List<byte[]> Decode(DicomFragmentSequence fragments, DicomTransferSyntax source, PixelFormat format)
    {
        IDicomCodec codec = DicomCodecRegistry.Find(source) ?? throw Missing(source, "a decoder");
        var frames = new List<byte[]>();
        foreach (byte[] compressed in EncapsulatedFrames.Split(fragments, format.NumberOfFrames))
        {
            byte[] frame = new byte[format.FrameLength];
            codec.Decode(compressed, format, frame);
            frames.Add(frame);
        }

        return frames;
    }

    private static List<byte[]> SplitNative(DicomElement element, PixelFormat format)
    {
        ReadOnlyMemory<byte> all = element.Buffer.Memory;
        if (all.Length < format.FrameLength * format.NumberOfFrames)
        {
            throw new DicomException(
                $"Pixel Data has {all.Length} bytes; {format.NumberOfFrames} frames of {format.FrameLength} bytes were expected.");
        }

        return Enumerable.Range(0, format.NumberOfFrames)
            .Select(i => all.Slice((int)(i * format.FrameLength), (int)format.FrameLength).ToArray())
            .ToList();
    }

    private static DicomException Missing(DicomTransferSyntax syntax, string what) => new(
        $"Transcoding {syntax.Name} pixel data needs {what}, which this build does not have " +
        $"(codecs: {string.Join(", ", DicomCodecRegistry.Supported.Select(s => s.Name))}).");
}
