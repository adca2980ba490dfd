using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Scu;

namespace PacsNode.Host.Commands;

/// <summary><c>pacsnode get AE@host:port --out DIR [-P|-S] [-L LEVEL] -k KEY=VALUE...</c>: a C-GET SCU like getscu.</summary>
internal sealed class GetCommand : ICommand
{
    public string Name => "get";

    public string Summary => "C-GET matching instances from a remote AE into a folder (like getscu)";

    public string Usage => "get AE@host:port --out DIR [-P|-S] [-L PATIENT|STUDY|SERIES|IMAGE] -k KEY=VALUE... [--aet OUR-AE]\n" +
        "  each instance is written to DIR/<SOP Instance UID>.dcm in the transfer syntax it arrived in; exit 1 unless\n" +
        "  every sub-operation succeeded";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var arguments = QueryRetrieveArguments.Parse(args, "--out");
        string folder = Path.GetFullPath(arguments.Extra.GetValueOrDefault("--out") ?? throw new UsageException("--out DIR is required"));
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"cannot create {folder}: {ex.Message}", ex);
        }

        string sopClass = arguments.PatientRoot
            ? DicomUid.PatientRootQueryRetrieveInformationModelGet
            : DicomUid.StudyRootQueryRetrieveInformationModelGet;
        await using DimseClient client = await QueryRetrieveClient.ConnectAsync(arguments, sopClass, true, cancellationToken);
        RetrieveOutcome outcome;
        try
        {
            outcome = await client.GetAsync(sopClass, arguments.Identifier, new GetFileSink(folder), cancellationToken);
            await client.ReleaseAsync(cancellationToken);
        }
        catch (Exception ex) when (QueryRetrieveClient.IsNetworkError(ex))
        {
            throw QueryRetrieveClient.Failed("C-GET", ex);
        }

        return await MoveCommand.ReportAsync("C-GET", outcome, cancellationToken);
    }
}
