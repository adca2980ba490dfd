using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scu;

namespace PacsNode.Host.Commands;

/// <summary><c>pacsnode move AE@host:port --dest AE [-P|-S] [-L LEVEL] -k KEY=VALUE...</c>: a C-MOVE SCU like movescu.</summary>
internal sealed class MoveCommand : ICommand
{
    public string Name => "move";

    public string Summary => "Ask a remote AE to C-MOVE matching instances to a destination AE (like movescu)";

    public string Usage => "move AE@host:port --dest AE [-P|-S] [-L PATIENT|STUDY|SERIES|IMAGE] -k KEY=VALUE... [--aet OUR-AE]\n" +
        "  the keys give the unique keys of the level (PatientID, StudyInstanceUID, ...); exit 1 unless every\n" +
        "  sub-operation succeeded";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var arguments = QueryRetrieveArguments.Parse(args, "--dest");
        string destination = arguments.Extra.GetValueOrDefault("--dest") ?? throw new UsageException("--dest AE is required");
        string sopClass = arguments.PatientRoot
            ? DicomUid.PatientRootQueryRetrieveInformationModelMove
            : DicomUid.StudyRootQueryRetrieveInformationModelMove;
        await using DimseClient client = await QueryRetrieveClient.ConnectAsync(arguments, sopClass, false, cancellationToken);
        RetrieveOutcome outcome;
        try
        {
            outcome = await client.MoveAsync(sopClass, destination, arguments.Identifier, cancellationToken);
            await client.ReleaseAsync(cancellationToken);
        }
        catch (Exception ex) when (QueryRetrieveClient.IsNetworkError(ex))
        {
            throw QueryRetrieveClient.Failed("C-MOVE", ex);
        }

        return await ReportAsync("C-MOVE", outcome, cancellationToken);
    }

    /// <summary>Prints the final counts and failed UIDs; Ok only for status Success.</summary>
    internal static async Task<int> ReportAsync(string what, RetrieveOutcome outcome, CancellationToken cancellationToken)
    {
        SubOperationCounts c = outcome.Counts;
        string line = $"{what} {outcome.Status}: {c.Completed} completed, {c.Failed} failed, {c.Warning} warning" +
            (outcome.ErrorComment is null ? "" : $" ({outcome.ErrorComment})");
        await Console.Out.WriteLineAsync(line.AsMemory(), cancellationToken);
        foreach (string uid in outcome.FailedSopInstanceUids)
        {
            await Console.Out.WriteLineAsync($"failed: {uid}".AsMemory(), cancellationToken);
        }

        return outcome.Status == DicomStatus.Success ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
