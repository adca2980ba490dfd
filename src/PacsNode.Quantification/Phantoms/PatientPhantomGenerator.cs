namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// Writes one synthetic ZEPHIR patient (issue 6's acceptance): <c>FOLDER/baseline</c> (FDG), <c>FOLDER/her2</c>
/// (89Zr-trastuzumab, day 4) and <c>FOLDER/followup</c> (FDG after one cycle), each a <see cref="PhantomGenerator"/>
/// study with its own StudyInstanceUID and FrameOfReferenceUID and the same PatientID, the whole anatomy (body, lungs,
/// liver, lesions) turned about the long axis by the visit's rotation and translated by its shift (a baseline point p
/// lies at R(θ)·p + shift); and <c>FOLDER/patient-truth.json</c> with the expected results of
/// <see cref="PatientPhantomDesign"/>. Dates: baseline FDG on <see cref="PatientPhantomSpec.BaselineScan"/>, 89Zr
/// injected 3 days later and imaged 4 days after that, follow-up FDG 22 days after the HER2-PET (3 weeks after the first
/// T-DM1 cycle started the day after it); every FDG scan starts 60 min after injection.
/// </summary>
public static class PatientPhantomGenerator
{
    public const string BaselineFolder = "baseline";
    public const string Her2Folder = "her2";
    public const string FollowUpFolder = "followup";
    public const string TruthFile = "patient-truth.json";

    public static async Task<PatientPhantomResult> GenerateAsync(PatientPhantomSpec spec, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(folder);
        PatientPhantomTruth truth = Truth(spec);
        DateTime her2Injection = spec.BaselineScan.Date.AddDays(3) + spec.BaselineScan.TimeOfDay;
        DateTime her2Scan = her2Injection.AddDays(4);
        DateTime followUpScan = her2Scan.AddDays(22);
        PhantomSpec baseline = Visit(spec, PhantomTracer.Fdg, (0, 0, 0), 0, spec.BaselineScan.AddHours(-1), spec.BaselineScan, l => l.BaselineSuv, 0);
        PhantomSpec her2 = Visit(spec, PhantomTracer.Zr89, spec.Her2ShiftMm, spec.Her2RotationZDegrees, her2Injection, her2Scan, l => l.BaselineSuv is null ? null : l.Her2Suv, 1);
        PhantomSpec followUp = Visit(spec, PhantomTracer.Fdg, spec.FollowUpShiftMm, spec.FollowUpRotationZDegrees, followUpScan.AddHours(-1), followUpScan, l => l.FollowUpSuv, 2);

        PhantomResult b = await PhantomGenerator.GenerateAsync(baseline, Path.Combine(folder, BaselineFolder), cancellationToken).ConfigureAwait(false);
        PhantomResult h = await PhantomGenerator.GenerateAsync(her2, Path.Combine(folder, Her2Folder), cancellationToken).ConfigureAwait(false);
        PhantomResult f = await PhantomGenerator.GenerateAsync(followUp, Path.Combine(folder, FollowUpFolder), cancellationToken).ConfigureAwait(false);
        string truthPath = Path.Combine(folder, TruthFile);
        await File.WriteAllBytesAsync(truthPath, PatientPhantomTruthJson.Serialize(truth, b.Truth, h.Truth, f.Truth), cancellationToken).ConfigureAwait(false);
        return new PatientPhantomResult(folder, b, h, f, truthPath, truth);
    }

    /// <summary>The lesions of the spec (the new one only when included) and their expected results.</summary>
    public static PatientPhantomTruth Truth(PatientPhantomSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        (double transverse, double axial) = PhantomSpec.AnatomyScale(spec.Columns, spec.Rows, spec.Slices, spec.PixelSpacingMm, spec.SliceSpacingMm);
        (double X, double Y, double Z) At(PatientPhantomLesion l, (double X, double Y, double Z) shift, double degrees) =>
            Place(l, transverse, axial, shift, degrees);
        PatientPhantomLesionTruth[] lesions =
        [
            .. Lesions(spec).Select(l => new PatientPhantomLesionTruth(
                l,
                l.BaselineSuv is null ? null : At(l, (0, 0, 0), 0),
                l.BaselineSuv is null ? null : At(l, spec.Her2ShiftMm, spec.Her2RotationZDegrees),
                l.FollowUpSuv is null ? null : At(l, spec.FollowUpShiftMm, spec.FollowUpRotationZDegrees))),
        ];
        return new PatientPhantomTruth(spec.PatientId, lesions, PatientPhantomDesign.Pattern, PatientPhantomDesign.PatternStatus,
            spec.IncludeNewLesion ? PatientPhantomDesign.PercistWithNewLesion : PatientPhantomDesign.PercistWithoutNewLesion,
            PatientPhantomDesign.ZephirGroup, spec.Her2ShiftMm, spec.FollowUpShiftMm)
        {
            Her2RotationZDegrees = spec.Her2RotationZDegrees,
            FollowUpRotationZDegrees = spec.FollowUpRotationZDegrees,
        };
    }

    private static IEnumerable<PatientPhantomLesion> Lesions(PatientPhantomSpec spec) =>
        PatientPhantomDesign.Lesions.Where(l => spec.IncludeNewLesion || l.BaselineSuv is not null);

    /// <summary>A lesion's centre at a visit: the scaled design position turned about the z axis, then shifted.</summary>
    private static (double X, double Y, double Z) Place(
        PatientPhantomLesion l, double transverse, double axial, (double X, double Y, double Z) shift, double degrees)
    {
        double x = l.X * transverse, y = l.Y * transverse;
        if (degrees != 0)
        {
            (double sin, double cos) = Math.SinCos(degrees * Math.PI / 180);
            (x, y) = ((cos * x) - (sin * y), (sin * x) + (cos * y));
        }

        return (x + shift.X, y + shift.Y, (l.Z * axial) + shift.Z);
    }

    private static PhantomSpec Visit(
        PatientPhantomSpec spec, PhantomTracer tracer, (double X, double Y, double Z) shift, double degrees, DateTime injection, DateTime scan,
        Func<PatientPhantomLesion, double?> suv, int seedOffset)
    {
        var template = PhantomSpec.Create(tracer, spec.Columns, spec.Rows, spec.Slices, spec.PixelSpacingMm, spec.SliceSpacingMm);
        (double transverse, double axial) = PhantomSpec.AnatomyScale(spec.Columns, spec.Rows, spec.Slices, spec.PixelSpacingMm, spec.SliceSpacingMm);
        PhantomSphere Sphere(PatientPhantomLesion l)
        {
            (double x, double y, double z) = Place(l, transverse, axial, shift, degrees);
            return new PhantomSphere(x, y, z, l.DiameterMm, suv(l)!.Value);
        }

        PhantomEllipsoid Move(PhantomEllipsoid e) => e with { X = e.X + shift.X, Y = e.Y + shift.Y, Z = e.Z + shift.Z };
        PhantomSphere[] spheres =
        [
            .. Lesions(spec).Where(l => suv(l) is not null).Select(Sphere),
        ];
        return template with
        {
            IncludeCt = spec.IncludeCt,
            CtMatrix = spec.CtMatrix,
            NoiseBeforeSmoothing = spec.NoiseBeforeSmoothing,
            NoiseLevel = spec.NoiseLevel,
            SmoothingFwhmMm = spec.SmoothingFwhmMm,
            Seed = spec.Seed + seedOffset,
            PatientId = spec.PatientId,
            PatientName = spec.PatientName,
            InjectionTime = injection,
            ScanStart = scan,
            BodyCentreXMm = shift.X,
            BodyCentreYMm = shift.Y,
            BodyRotationZDegrees = degrees,
            RightLung = Move(template.RightLung),
            LeftLung = Move(template.LeftLung),
            Liver = Move(template.Liver),
            Spheres = spheres,
        };
    }
}
