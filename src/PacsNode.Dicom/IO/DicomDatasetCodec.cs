using System.Buffers;
using PacsNode.Dicom.Data;

namespace PacsNode.Dicom.IO;

/// <summary>
/// Encodes and decodes bare datasets (no preamble, no file meta information) in an uncompressed, non-deflated
/// transfer syntax, as DIMSE command sets (always implicit VR little endian, PS3.7 6.3.1) and network datasets
/// travel. Group length elements present in the dataset are recomputed on encoding.
/// </summary>
public static class DicomDatasetCodec
{
    public static byte[] Encode(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        CheckSyntax(syntax);
        using var parts = new EncodedParts();
        new DicomDatasetWriter(syntax.IsExplicitVR, syntax.IsBigEndian, SequenceLengthEncoding.Keep, false).Write(dataset, parts);
        return parts.ToArray();
    }

    /// <summary>
    /// Decodes a whole bare dataset. Element values are slices of <paramref name="bytes"/>, which must stay
    /// unchanged while the dataset is used.
    /// </summary>
    /// <exception cref="DicomParseException">The bytes are not a well-formed dataset in that syntax.</exception>
    public static DicomDataset Decode(ReadOnlySequence<byte> bytes, DicomTransferSyntax syntax, DicomReaderOptions? options = null)
    {
        CheckSyntax(syntax);
        var dataset = new DicomDataset();
        var parser = new DicomDatasetParser(dataset, syntax.IsExplicitVR, syntax.IsBigEndian, 0,
            options ?? DicomReaderOptions.Default, []);
        ParseStatus status = parser.Parse(bytes, isFinalBlock: true, bytes.Length, out _);
        if (status == ParseStatus.NeedMoreData)
        {
            throw new DicomParseException(DicomParseError.UnexpectedEndOfData, parser.Position, null,
                "the dataset ends inside an element");
        }

        return dataset;
    }

    private static void CheckSyntax(DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        if (syntax.IsDeflated || syntax.IsEncapsulated)
        {
            throw new ArgumentException($"{syntax.Name} is not a native uncompressed syntax for a bare dataset.", nameof(syntax));
        }
    }
}
