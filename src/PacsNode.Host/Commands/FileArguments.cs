using PacsNode.Dicom;
using PacsNode.Dicom.IO;

namespace PacsNode.Host.Commands;

/// <summary>Opening the files named on a command line, with one clear message for each way that fails.</summary>
internal static class FileArguments
{
    private static readonly PacsNode.Dicom.Dictionary.DicomTag PixelData = new(0x7FE0, 0x0010);

    public static async Task<DicomFile> OpenAsync(string path, bool stopBeforePixels, CancellationToken cancellationToken)
    {
        var options = stopBeforePixels
            ? new DicomReaderOptions { StopAtTag = PixelData }
            : new DicomReaderOptions { FileBackedThreshold = 1 << 20 };
        try
        {
            return await DicomFile.OpenAsync(path, options, cancellationToken);
        }
        catch (DicomParseException ex)
        {
            throw new CommandException($"{path}: {ex.Message}", ex);
        }
        catch (DicomException ex)
        {
            throw new CommandException($"{path}: {ex.Message}", ex);
        }
        catch (FileNotFoundException ex)
        {
            throw new CommandException($"{path}: no such file", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CommandException($"{path}: no such file or folder", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CommandException($"{path}: permission denied", ex);
        }
        catch (IOException ex)
        {
            throw new CommandException($"{path}: {ex.Message}", ex);
        }
    }
}
