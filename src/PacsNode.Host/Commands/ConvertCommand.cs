using PacsNode.Dicom;
using PacsNode.Dicom.IO;

namespace PacsNode.Host.Commands;

/// <summary>
/// <c>pacsnode convert IN OUT [--ts SYNTAX]</c>: re-encodes a file, by default in its own transfer syntax, or in
/// another one; pixel data is transcoded through the codec registry (RLE, JPEG Lossless, JPEG-LS) or the conversion is refused.
/// </summary>
internal sealed class ConvertCommand : ICommand
{
    public string Name => "convert";

    public string Summary => "Re-encode a DICOM file (default: keep its transfer syntax)";

    public string Usage => "convert IN OUT [--ts explicit|implicit|deflate|big|rle|jpeg-lossless|jpeg-ls|UID] [--defined-lengths|--undefined-lengths]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        DicomTransferSyntax? syntax = null;
        SequenceLengthEncoding lengths = SequenceLengthEncoding.Keep;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--ts":
                    if (++i >= args.Length)
                    {
                        throw new UsageException("--ts needs a transfer syntax");
                    }

                    syntax = ParseSyntax(args[i]);
                    break;
                case "--defined-lengths":
                    lengths = SequenceLengthEncoding.Defined;
                    break;
                case "--undefined-lengths":
                    lengths = SequenceLengthEncoding.Undefined;
                    break;
                default:
                    if (args[i].StartsWith('-'))
                    {
                        throw new UsageException($"unexpected option '{args[i]}'");
                    }

                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count != 2)
        {
            throw new UsageException("convert needs an input file and an output file");
        }

        DicomFile file = await FileArguments.OpenAsync(paths[0], false, cancellationToken);
        try
        {
            await file.SaveAsync(paths[1], new DicomWriteOptions { TransferSyntax = syntax, SequenceLengths = lengths },
                cancellationToken);
        }
        catch (DicomException ex)
        {
            throw new CommandException($"{paths[0]}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new CommandException($"{paths[1]}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CommandException($"{paths[1]}: permission denied", ex);
        }

        return ExitCodes.Ok;
    }

    private static DicomTransferSyntax ParseSyntax(string text) => text switch
    {
        "explicit" => DicomTransferSyntax.ExplicitVRLittleEndian,
        "implicit" => DicomTransferSyntax.ImplicitVRLittleEndian,
        "deflate" => DicomTransferSyntax.DeflatedExplicitVRLittleEndian,
        "big" => DicomTransferSyntax.ExplicitVRBigEndian,
        "rle" => DicomTransferSyntax.RleLossless,
        "jpeg-lossless" => DicomTransferSyntax.JpegLosslessSV1,
        "jpeg-ls" => DicomTransferSyntax.JpegLSLossless,
        _ when DicomTransferSyntax.IsTransferSyntaxUid(text) => DicomTransferSyntax.FromUid(text),
        _ => throw new UsageException(
            $"unknown transfer syntax '{text}': use explicit, implicit, deflate, big, rle, jpeg-lossless, jpeg-ls or a transfer syntax UID"),
    };
}
