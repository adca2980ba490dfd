using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;

namespace PacsNode.Quantification.Tests.Support;

/// <summary>Reads the shared test data's PET files.</summary>
internal static class SeriesLoader
{
    public static DicomReaderOptions HeadersOnly { get; } = new() { StopAtTag = DicomTag.PixelData };

    public static async Task<IReadOnlyList<DicomFile>> ReadFolderAsync(string folder, DicomReaderOptions? options, CancellationToken cancellationToken)
    {
        var files = new List<DicomFile>();
        foreach (string path in Directory.EnumerateFiles(folder, "*.dcm").Order(StringComparer.Ordinal))
        {
            files.Add(await DicomFile.OpenAsync(path, options, cancellationToken));
        }

        return files;
    }

    public static async Task<DicomDataset> ReadHeaderAsync(string path, CancellationToken cancellationToken) =>
        (await DicomFile.OpenAsync(path, HeadersOnly, cancellationToken)).Dataset;
}
