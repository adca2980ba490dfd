using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Host.Results;
using PacsNode.Storage.Index;
using PacsNode.Storage.Queries;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Host.Commands;

/// <summary>
/// <c>pacsnode results STUDY_UID [--json] [--data DIR] [--config FILE]</c>: finds the study's SR instances through
/// the index, reads every stored TID 1500 report back from its file, picks the current one (see
/// <see cref="ReportSelection"/>) and prints its lesion table, or why the series was not quantified. The numbers
/// come from the stored SR, never from memory. Exit 1 when the study or a report is not there.
/// </summary>
internal sealed class ResultsCommand(TextWriter? output = null, TextWriter? error = null) : ICommand
{
    private static readonly HashSet<string> SrClasses = new(StringComparer.Ordinal)
    {
        DicomUid.ComprehensiveSRStorage,
        DicomUid.Comprehensive3DSRStorage,
        DicomUid.EnhancedSRStorage,
        DicomUid.ExtensibleSRStorage,
    };

    private readonly TextWriter _output = output ?? Console.Out;
    private readonly TextWriter _error = error ?? Console.Error;

    public string Name => "results";

    public string Summary => "Print the lesion table of a study's latest stored measurement report (TID 1500 SR)";

    public string Usage => "results STUDY_UID [--json] [--data DIR] [--config FILE]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        (string study, bool json, DataFolderOption store) = Parse(args);
        string dataFolder = store.Resolve();
        string indexPath = DataFolderOption.ExistingIndexPath(dataFolder);

        IReadOnlyList<RetrieveInstance> instances;
        try
        {
            var identifier = new DicomDataset();
            identifier.SetString(DicomTag.QueryRetrieveLevel, DicomVR.CS, "STUDY");
            identifier.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, study);
            instances = await new QueryService(IndexDatabase.Open(indexPath)).FindInstancesForRetrieveAsync(identifier, cancellationToken);
        }
        catch (Exception ex) when (ex is IndexSchemaException or QueryException)
        {
            throw new CommandException(ex.Message, ex);
        }

        if (instances.Count == 0)
        {
            throw new CommandException($"study {study} is not in the index of {dataFolder}");
        }

        List<StoredReport> reports = await ReadReportsAsync(instances.Where(i => SrClasses.Contains(i.SopClassUid)), cancellationToken);
        StoredReport latest = ReportSelection.Latest(reports)
            ?? throw new CommandException($"study {study} has no stored measurement report (TID 1500 SR)");
        string text = json ? ResultsText.Json(study, latest, reports.Count) : ResultsText.Table(study, latest, reports.Count);
        await _output.WriteLineAsync(text.TrimEnd().AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }

    private async Task<List<StoredReport>> ReadReportsAsync(IEnumerable<RetrieveInstance> srs, CancellationToken cancellationToken)
    {
        var reports = new List<StoredReport>();
        foreach (RetrieveInstance sr in srs)
        {
            try
            {
                DicomFile file = await DicomFile.OpenAsync(sr.FilePath, cancellationToken: cancellationToken);
                StoredReport report = Tid1500Reader.Read(file.Dataset);
                if (report.DocumentTitle.Is(Concepts.ImagingMeasurementReport))
                {
                    reports.Add(report);
                }
            }
            catch (Exception ex) when (ex is DicomException or IOException)
            {
                // One unreadable SR must not hide the others; it is named on stderr.
                await _error.WriteLineAsync($"skipped {sr.FilePath}: {ex.Message}".AsMemory(), cancellationToken);
            }
        }

        return reports;
    }

    private static (string Study, bool Json, DataFolderOption Store) Parse(string[] args)
    {
        string? study = null;
        bool json = false;
        var store = new DataFolderOption();
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
                case var uid when study is null && !uid.StartsWith('-'):
                    study = uid;
                    break;
                default:
                    throw new UsageException($"unexpected argument '{args[i]}'");
            }
        }

        return (study ?? throw new UsageException("give the Study Instance UID"), json, store);
    }
}
