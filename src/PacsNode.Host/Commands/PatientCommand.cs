using PacsNode.Pipeline.Reporting.Patient;
using PacsNode.Storage.Index;

namespace PacsNode.Host.Commands;

/// <summary>
/// <c>pacsnode patient PATIENT_ID [--json] [--data DIR] [--config FILE]</c>: prints the patient-level assessment read
/// back from the patient's current stored patient report (the TID 1500 SR the node stored in the patient's most recent
/// study); nothing is recomputed. Exit 1 when the patient has no patient report.
/// </summary>
internal sealed class PatientCommand(TextWriter? output = null) : ICommand
{
    private readonly TextWriter _output = output ?? Console.Out;

    public string Name => "patient";

    public string Summary => "Print a patient's HER2-PET / early-response assessment from the stored patient report";

    public string Usage => "patient PATIENT_ID [--json] [--data DIR] [--config FILE]   (DIR defaults to PacsNode:Storage:DataFolder)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string? patientId = null;
        var store = new DataFolderOption();
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (store.TryTake(args, ref i))
            {
                continue;
            }

            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case { } value when !value.StartsWith("--", StringComparison.Ordinal) && patientId is null:
                    patientId = value;
                    break;
                default:
                    throw new UsageException($"unexpected argument '{args[i]}'");
            }
        }

        if (patientId is null)
        {
            throw new UsageException("give the PATIENT_ID");
        }

        IndexDatabase database = DataFolderOption.OpenIndex(DataFolderOption.ExistingIndexPath(store.Resolve()));
        var latest = await PatientReportService.ReadLatestAsync(new IndexCatalog(database), patientId, cancellationToken)
            ?? throw new CommandException($"no patient report is stored for patient {patientId}");
        string text = json ? PatientReportPrinter.Json(patientId, latest.Report) : PatientReportPrinter.Text(patientId, latest.Report);
        await _output.WriteLineAsync(text.AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }
}
