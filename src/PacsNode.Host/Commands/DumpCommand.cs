using PacsNode.Dicom.IO;
using PacsNode.Host.Dump;

namespace PacsNode.Host.Commands;

/// <summary><c>pacsnode dump FILE</c>: a dcmdump-like listing of a Part 10 file or bare dataset.</summary>
internal sealed class DumpCommand : ICommand
{
    public string Name => "dump";

    public string Summary => "List a DICOM file's elements: tag, VR, value, length, VM, name (like dcmdump)";

    public string Usage => "dump FILE [--all] [--no-pixels]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string? path = null;
        bool all = false;
        bool noPixels = false;
        foreach (string arg in args)
        {
            switch (arg)
            {
                case "--all":
                    all = true;
                    break;
                case "--no-pixels":
                    noPixels = true;
                    break;
                default:
                    if (arg.StartsWith('-') || path is not null)
                    {
                        throw new UsageException($"unexpected argument '{arg}'");
                    }

                    path = arg;
                    break;
            }
        }

        if (path is null)
        {
            throw new UsageException("a FILE to dump is required");
        }

        DicomFile file = await FileArguments.OpenAsync(path, noPixels, cancellationToken);
        var output = new StringWriter();
        new DatasetDumper(output, all ? 0 : 64).Dump(file);
        await Console.Out.WriteAsync(output.ToString().AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }
}
