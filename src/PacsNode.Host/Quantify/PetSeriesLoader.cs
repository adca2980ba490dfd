using PacsNode.Dicom;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Host.Commands;

namespace PacsNode.Host.Quantify;

/// <summary>
/// Finds the one PET series in a folder (files of any name, not recursive; files that are not DICOM are ignored) and
/// reads its headers only (stopping before PixelData), so the SUV factors can be checked before any pixels are read.
/// </summary>
internal static class PetSeriesLoader
{
    public static async Task<IReadOnlyList<(string Path, DicomFile Header)>> ReadHeadersAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new CommandException($"{folder}: no such folder");
        }

        var pet = new List<(string, DicomFile)>();
        var options = new DicomReaderOptions { StopAtTag = DicomTag.PixelData };
        foreach (string path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            DicomFile file;
            try
            {
                file = await DicomFile.OpenAsync(path, options, cancellationToken);
            }
            catch (DicomException)
            {
                continue;
            }

            if (string.Equals(file.Dataset.GetString(DicomTag.Modality), "PT", StringComparison.Ordinal))
            {
                pet.Add((path, file));
            }
        }

        string[] series = [.. pet.Select(p => p.Item2.Dataset.GetString(DicomTag.SeriesInstanceUID) ?? "(no SeriesInstanceUID)").Distinct(StringComparer.Ordinal)];
        return series.Length switch
        {
            0 => throw new CommandException($"{folder}: no PET (Modality PT) series"),
            1 => pet,
            _ => throw new CommandException($"{folder}: {series.Length} PET series ({string.Join(", ", series)}); point at a folder with one"),
        };
    }

    public static async Task<IReadOnlyList<DicomFile>> ReadFullAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var files = new List<DicomFile>();
        foreach (string path in paths)
        {
            files.Add(await FileArguments.OpenAsync(path, false, cancellationToken));
        }

        return files;
    }
}
