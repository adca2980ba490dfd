using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Tests.Support;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>
/// The generated ZEPHIR patient of <see cref="PatientPhantomFixture"/> turned between visits as patients are: 5° about
/// the long axis at the follow-up and −3° at the HER2-PET, on top of the default shifts. Each study quantified once.
/// </summary>
public sealed class RotatedPatientPhantomFixture : IAsyncLifetime
{
    public static PatientPhantomSpec Spec { get; } = PatientPhantomFixture.Spec with { FollowUpRotationZDegrees = 5, Her2RotationZDegrees = -3 };

    private readonly TempDirectory _temp = new("patient-rotated");

    public PatientPhantomResult Phantom { get; private set; } = null!;

    public StudyQuantification Baseline { get; private set; } = null!;

    public StudyQuantification Her2Pet { get; private set; } = null!;

    public StudyQuantification FollowUp { get; private set; } = null!;

    public ReferenceKernels Kernels { get; } = new();

    public async ValueTask InitializeAsync()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        Phantom = await PatientPhantomGenerator.GenerateAsync(Spec, _temp.FullPath, ct);
        Baseline = await QuantifyAsync(Phantom.Baseline.PetFolder, ct);
        Her2Pet = await QuantifyAsync(Phantom.Her2Pet.PetFolder, ct);
        FollowUp = await QuantifyAsync(Phantom.FollowUp.PetFolder, ct);
    }

    public ValueTask DisposeAsync()
    {
        Kernels.Dispose();
        _temp.Dispose();
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
