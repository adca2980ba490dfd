using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Host.Dump;

namespace PacsNode.Host.Commands;

/// <summary><c>pacsnode find AE@host:port [-P|-S] [-L LEVEL] -k KEY[=VALUE]...</c>: a C-FIND SCU like findscu.</summary>
internal sealed class FindCommand : ICommand
{
    public string Name => "find";

    public string Summary => "Query a remote AE with C-FIND and print each match (like findscu)";

    public string Usage => "find AE@host:port [-P|-S] [-L PATIENT|STUDY|SERIES|IMAGE] [-k KEY[=VALUE]]... [--aet OUR-AE]\n" +
        "  -P patient root, -S study root (default); -L the level (default STUDY); -k a keyword or gggg,eeee, with a\n" +
        "  value to match (wildcards *, ranges a-b, UID lists a\\b) or without one to have it returned";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var arguments = QueryRetrieveArguments.Parse(args);
        string sopClass = arguments.PatientRoot
            ? DicomUid.PatientRootQueryRetrieveInformationModelFind
            : DicomUid.StudyRootQueryRetrieveInformationModelFind;
        await using DimseClient client = await QueryRetrieveClient.ConnectAsync(arguments, sopClass, false, cancellationToken);
        int count = 0;
        try
        {
            await foreach (DicomDataset match in client.FindAsync(sopClass, arguments.Identifier, cancellationToken))
            {
                var output = new StringWriter();
                new DatasetDumper(output).Dump(match, 0);
                await Console.Out.WriteLineAsync($"# Match {++count}".AsMemory(), cancellationToken);
                await Console.Out.WriteAsync((output + Environment.NewLine).AsMemory(), cancellationToken);
            }

            await client.ReleaseAsync(cancellationToken);
        }
        catch (Exception ex) when (QueryRetrieveClient.IsNetworkError(ex))
        {
            throw QueryRetrieveClient.Failed("C-FIND", ex);
        }

        await Console.Error.WriteLineAsync($"{count} match{(count == 1 ? "" : "es")}".AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }
}
