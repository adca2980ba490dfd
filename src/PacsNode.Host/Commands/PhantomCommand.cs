using System.Globalization;
using System.Text;
using PacsNode.Quantification.Phantoms;

namespace PacsNode.Host.Commands;

/// <summary>
/// <c>pacsnode phantom OUT --tracer fdg|zr89 …</c>: writes a synthetic PET/CT study with analytic ground truth
/// (<c>OUT/PET</c>, <c>OUT/CT</c>, <c>OUT/truth.json</c>). Without <c>--sphere</c> the six default spheres of
/// <see cref="PhantomSpec.Create"/> are used; each <c>--sphere</c> adds one and replaces the defaults.
/// <c>--patient</c> writes one synthetic ZEPHIR patient instead (<see cref="PatientPhantomGenerator"/>):
/// <c>OUT/baseline</c>, <c>OUT/her2</c>, <c>OUT/followup</c> and <c>OUT/patient-truth.json</c>; <c>--turn</c> turns the
/// patient about the long axis at the HER2-PET and the follow-up by that many degrees.
/// </summary>
internal sealed class PhantomCommand : ICommand
{
    public string Name => "phantom";

    public string Summary => "Write a synthetic PET/CT study with analytic ground truth (truth.json)";

    public string Usage => "phantom OUT --tracer fdg|zr89 [--size 200x200x400] [--spacing 4x3] [--ct 512] [--no-ct] " +
        "[--seed N] [--noise F] [--fwhm MM] [--noise-first] [--sphere x,y,z,diamMm,suv ...]\n" +
        "       phantom OUT --patient [--no-new-lesion] [--turn HER2DEG,FOLLOWUPDEG] [--size 128x128x200] [--spacing 4x3] [--ct 512] [--no-ct] [--seed N] [--noise F] [--fwhm MM] [--noise-first]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string? output = null;
        PhantomTracer? tracer = null;
        (int c, int r, int s) size = (200, 200, 400);
        (double pixel, double slice) spacing = (4, 3);
        int ct = 512, seed = 1;
        bool noCt = false, noiseFirst = false, patient = false, noNewLesion = false, sizeGiven = false;
        double noise = 0, fwhm = 0;
        double[]? turn = null;
        var spheres = new List<PhantomSphere>();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--tracer":
                    tracer = Value(args, ref i, arg) switch
                    {
                        "fdg" => PhantomTracer.Fdg,
                        "zr89" => PhantomTracer.Zr89,
                        var other => throw new UsageException($"unknown tracer '{other}': use fdg or zr89"),
                    };
                    break;
                case "--size":
                    int[] dims = Numbers(Value(args, ref i, arg), 'x', 3, arg).Select(v => (int)v).ToArray();
                    size = (dims[0], dims[1], dims[2]);
                    sizeGiven = true;
                    break;
                case "--patient":
                    patient = true;
                    break;
                case "--no-new-lesion":
                    noNewLesion = true;
                    break;
                case "--turn":
                    turn = Numbers(Value(args, ref i, arg), ',', 2, arg);
                    break;
                case "--spacing":
                    double[] mm = Numbers(Value(args, ref i, arg), 'x', 2, arg);
                    spacing = (mm[0], mm[1]);
                    break;
                case "--ct":
                    ct = (int)Numbers(Value(args, ref i, arg), ',', 1, arg)[0];
                    break;
                case "--no-ct":
                    noCt = true;
                    break;
                case "--noise-first":
                    noiseFirst = true;
                    break;
                case "--seed":
                    seed = (int)Numbers(Value(args, ref i, arg), ',', 1, arg)[0];
                    break;
                case "--noise":
                    noise = Numbers(Value(args, ref i, arg), ',', 1, arg)[0];
                    break;
                case "--fwhm":
                    fwhm = Numbers(Value(args, ref i, arg), ',', 1, arg)[0];
                    break;
                case "--sphere":
                    double[] p = Numbers(Value(args, ref i, arg), ',', 5, arg);
                    spheres.Add(new PhantomSphere(p[0], p[1], p[2], p[3], p[4]));
                    break;
                default:
                    if (arg.StartsWith('-') || output is not null)
                    {
                        throw new UsageException($"unexpected argument '{arg}'");
                    }

                    output = arg;
                    break;
            }
        }

        if (patient)
        {
            if (output is null || tracer is not null || spheres.Count > 0)
            {
                throw new UsageException("phantom --patient needs an output folder and writes its own studies: --tracer and --sphere do not apply");
            }

            var patientSpec = new PatientPhantomSpec
            {
                IncludeCt = !noCt,
                CtMatrix = ct,
                Seed = seed,
                NoiseLevel = noise,
                SmoothingFwhmMm = fwhm,
                NoiseBeforeSmoothing = noiseFirst,
                IncludeNewLesion = !noNewLesion,
                Her2RotationZDegrees = turn?[0] ?? 0,
                FollowUpRotationZDegrees = turn?[1] ?? 0,
            };
            if (sizeGiven)
            {
                patientSpec = patientSpec with { Columns = size.c, Rows = size.r, Slices = size.s };
            }

            patientSpec = patientSpec with { PixelSpacingMm = spacing.pixel, SliceSpacingMm = spacing.slice };
            PatientPhantomResult written = await RunGuardedAsync(() => PatientPhantomGenerator.GenerateAsync(patientSpec, output, cancellationToken), output);
            await Console.Out.WriteAsync(PhantomPatientText.Describe(written).AsMemory(), cancellationToken);
            return ExitCodes.Ok;
        }

        if (noNewLesion || turn is not null)
        {
            throw new UsageException("--no-new-lesion and --turn apply to --patient only");
        }

        if (output is null || tracer is null)
        {
            throw new UsageException("phantom needs an output folder and --tracer fdg|zr89");
        }

        PhantomSpec spec = PhantomSpec.Create(tracer.Value, size.c, size.r, size.s, spacing.pixel, spacing.slice) with
        {
            IncludeCt = !noCt,
            CtMatrix = ct,
            Seed = seed,
            NoiseLevel = noise,
            SmoothingFwhmMm = fwhm,
            NoiseBeforeSmoothing = noiseFirst,
        };
        if (spheres.Count > 0)
        {
            spec = spec with { Spheres = spheres };
        }

        PhantomResult result = await RunGuardedAsync(() => PhantomGenerator.GenerateAsync(spec, output, cancellationToken), output);
        await Console.Out.WriteAsync(Describe(result).AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }

    private static string Describe(PhantomResult result)
    {
        PhantomTruth truth = result.Truth;
        var text = new StringBuilder();
        IFormatProvider inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"{result.PetFiles} PET slices in {result.PetFolder}");
        if (result.CtFolder is not null)
        {
            text.AppendLine(inv, $"{result.CtFiles} CT slices in {result.CtFolder}");
        }

        text.AppendLine(inv, $"truth: {result.TruthPath} (SUVbw factor {truth.SuvBwFactor:G10} g/Bq)");
        foreach (PhantomSphereTruth s in truth.Spheres)
        {
            text.AppendLine(inv, $"  sphere {s.Number}: ({s.Sphere.X:0.#}, {s.Sphere.Y:0.#}, {s.Sphere.Z:0.#}) mm, {s.Sphere.DiameterMm:0.#} mm, " +
                $"SUVmax {s.SuvMax:0.###}, SUVpeak {s.SuvPeak:0.###}, SUVmean {s.SuvMean:0.###}, MTV {s.MtvMl:0.###} ml");
        }

        text.AppendLine(inv, $"  liver: mean {truth.Liver.SuvMean:0.###}, 3 cm sphere mean {truth.Liver.Sphere3CmSuvMean:0.###}");
        PhantomTimings t = result.Timings;
        text.AppendLine(inv, $"time: {t.Total:0.00} s (activity {t.Activity:0.00}, quantise {t.Quantise:0.00}, truth {t.Truth:0.00}, " +
            $"PET {t.WritePet:0.00}, CT {t.WriteCt:0.00})");
        return text.ToString();
    }

    private static async Task<T> RunGuardedAsync<T>(Func<Task<T>> generate, string output)
    {
        try
        {
            return await generate();
        }
        catch (ArgumentException ex)
        {
            throw new CommandException($"phantom: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new CommandException($"{output}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CommandException($"{output}: permission denied", ex);
        }
    }

    private static string Value(string[] args, ref int i, string option) =>
        ++i < args.Length ? args[i] : throw new UsageException($"{option} needs a value");

    private static double[] Numbers(string text, char separator, int count, string option)
    {
        string[] parts = text.Split(separator);
        var values = new double[parts.Length];
        for (int n = 0; n < parts.Length; n++)
        {
            if (!double.TryParse(parts[n], NumberStyles.Float, CultureInfo.InvariantCulture, out values[n]) || !double.IsFinite(values[n]))
            {
                throw new UsageException($"{option}: '{text}' is not a number list");
            }
        }

        return values.Length == count
            ? values
            : throw new UsageException($"{option}: '{text}' needs {count} values separated by '{separator}'");
    }
}
