using PacsNode.Quantification.Phantoms;

namespace PacsNode.Quantification.Tests.Phantoms;

/// <summary>
/// A 64×64×48 phantom (4 mm, 3 mm; 128² CT) with four spheres clear of the liver: one centred on a voxel centre,
/// a lung nodule, one off-grid and an 8 mm one. Noise-free and unsmoothed unless a test says otherwise.
/// </summary>
internal static class SmallPhantom
{
    public static PhantomSpec Spec(PhantomTracer tracer) => PhantomSpec.Create(tracer, 64, 64, 48) with
    {
        CtMatrix = 128,
        Spheres =
        [
            new PhantomSphere(42, -30, 1.5, 20, 8),
            new PhantomSphere(-50, 30, 40, 12, 10),
            new PhantomSphere(2.7, -50.2, -40.4, 16, 6),
            new PhantomSphere(-2, 30, -30, 8, 15),
        ],
    };

    public static Task<PhantomResult> WriteAsync(PhantomSpec spec, string folder) =>
        PhantomGenerator.GenerateAsync(spec, folder, Xunit.TestContext.Current.CancellationToken);
}
