using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Tests.Support;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>
/// One generated ZEPHIR patient (96×96×120 at 4×3 mm, noise-free, with the new lesion), each study quantified once by
/// <see cref="PetQuantifier"/> with automatic detection, shared by the tests that assess subsets of it. Derived
/// fixtures generate the same patient with another spec (<see cref="RotatedPatientPhantomFixture"/>).
/// </summary>
public class PatientPhantomFixture : IAsyncLifetime
{
    private readonly PatientPhantomSpec _spec;
    private readonly TempDirectory _temp;

    public PatientPhantomFixture()
        : this(Spec, "patient")
    {
    }

    protected PatientPhantomFixture(PatientPhantomSpec spec, string name)
    {
        _spec = spec;
        _temp = new TempDirectory(name);
    }

    public static PatientPhantomSpec Spec { get; } = new() { Columns = 96, Rows = 96, Slices = 120 };

    public PatientPhantomResult Phantom { get; private set; } = null!;

    public StudyQuantification Baseline { get; private set; } = null!;

    public StudyQuantification Her2Pet { get; private set; } = null!;

    public StudyQuantification FollowUp { get; private set; } = null!;

    public ReferenceKernels Kernels { get; } = new();

    public async ValueTask InitializeAsync()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        Phantom = await PatientPhantomGenerator.GenerateAsync(_spec, _temp.FullPath, ct);
        Baseline = await QuantifyAsync(Phantom.Baseline.PetFolder, ct);
        Her2Pet = await QuantifyAsync(Phantom.Her2Pet.PetFolder, ct);
        FollowUp = await QuantifyAsync(Phantom.FollowUp.PetFolder, ct);
    }

    public ValueTask DisposeAsync()
    {
        Kernels.Dispose();
        _temp.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private async Task<StudyQuantification> QuantifyAsync(string folder, CancellationToken ct)
    {
        var files = await SeriesLoader.ReadFolderAsync(folder, null, ct);
        QuantifyResult result = await new PetQuantifier(Kernels).QuantifyAsync(files, new QuantifyRequest(), ct);
        Assert.True(result.IsSuccess, result.Failure?.Message);
        return StudyQuantification.From(files[0].Dataset, result);
    }
}
