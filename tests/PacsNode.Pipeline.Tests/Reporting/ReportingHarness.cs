using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Pipeline.Reporting;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Phantoms;
using PacsNode.Storage;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.TestKit;

namespace PacsNode.Pipeline.Tests.Reporting;

/// <summary>
/// A file store, index and archive in a temporary folder with a small FDG phantom study (64×64×48 PET, 64² CT), and the
/// report processor over them, wired as <c>pacsnode serve</c> wires them.
/// </summary>
internal sealed class ReportingHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("reporting");
    private readonly IndexWriter _writer;

    private ReportingHarness()
    {
        Database = IndexDatabase.Open(_temp.Combine("index.sqlite"));
        _writer = new IndexWriter(Database, TimeProvider.System);
        Archive = new InstanceArchive(
            new InstanceStore(new InstanceStoreOptions { DataFolder = _temp.Combine("data"), MinimumFreeBytes = 0 }), _writer, TimeProvider.System);
        Catalog = new IndexCatalog(Database);
        Processor = new PetReportProcessor(Archive, Catalog,
            new ReportingSettings { AeTitle = "PACSNODE", SoftwareVersion = "test", Accelerator = AcceleratorChoice.Parallel }, TimeProvider.System);
    }

    public IndexDatabase Database { get; }

    public InstanceArchive Archive { get; }

    public IndexCatalog Catalog { get; }

    public PetReportProcessor Processor { get; }

    /// <summary>The PET files (sorted by name = slice order), the CT files.</summary>
    public IReadOnlyList<string> PetFiles { get; private set; } = [];

    public IReadOnlyList<string> CtFiles { get; private set; } = [];

    public string StudyUid { get; private set; } = string.Empty;

    public string PetSeriesUid { get; private set; } = string.Empty;

    public string Folder => _temp.FullPath;

    public static async Task<ReportingHarness> CreateAsync(PhantomTracer tracer, CancellationToken ct)
    {
        var harness = new ReportingHarness();
        PhantomSpec spec = PhantomSpec.Create(tracer, 64, 64, 48) with { CtMatrix = 64 };
        PhantomResult phantom = await PhantomGenerator.GenerateAsync(spec, harness._temp.Combine("phantom"), ct);
        harness.PetFiles = [.. Directory.GetFiles(phantom.PetFolder).Order(StringComparer.Ordinal)];
        harness.CtFiles = [.. Directory.GetFiles(phantom.CtFolder!).Order(StringComparer.Ordinal)];
        DicomFile first = await DicomFile.OpenAsync(harness.PetFiles[0], null, ct);
        harness.StudyUid = first.Dataset.GetString(DicomTag.StudyInstanceUID)!;
        harness.PetSeriesUid = first.Dataset.GetString(DicomTag.SeriesInstanceUID)!;
        return harness;
    }

    public async Task StoreAsync(IEnumerable<string> paths, CancellationToken ct)
    {
        foreach (string path in paths)
        {
            await Archive.StoreAsync(await DicomFile.OpenAsync(path, null, ct), ct);
        }
    }

    public PipelineJob Job(long id = 1) => new(id, JobKind.SeriesReport, StudyUid, PetSeriesUid, null, "fingerprint", 1, "MODALITY");

    public Task<ProcessingOutcome> ProcessAsync(CancellationToken ct) => Processor.ProcessAsync(Job(), new StageTimer(TimeProvider.System), ct);

    public async Task<DicomFile> OpenStoredAsync(string sopInstanceUid, CancellationToken ct)
    {
        CatalogInstance instance = await Catalog.FindInstanceAsync(sopInstanceUid, ct) ?? throw new InvalidOperationException($"{sopInstanceUid} is not indexed");
        return await DicomFile.OpenAsync(instance.FilePath, null, ct);
    }

    public async ValueTask DisposeAsync()
    {
        Processor.Dispose();
        await _writer.DisposeAsync();
        _temp.Dispose();
    }
}
