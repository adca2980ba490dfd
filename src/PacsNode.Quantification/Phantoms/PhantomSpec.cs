using System.Globalization;

namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// Everything that defines a synthetic PET/CT study. Patient coordinates are LPS (+x patient left, +y posterior,
/// +z superior), in mm; the PET grid is axial (orientation 1\0\0\0\1\0) and centred on the origin. Times are scanner
/// local times. <see cref="Create"/> gives a complete clinical-looking default; change what a test exercises with
/// <c>with</c>.
/// </summary>
public sealed record PhantomSpec
{
    public PhantomTracer Tracer { get; init; }

    public int Columns { get; init; } = 200;

    public int Rows { get; init; } = 200;

    public int Slices { get; init; } = 400;

    /// <summary>PET in-plane pixel spacing (rows and columns), mm.</summary>
    public double PixelSpacingMm { get; init; } = 4;

    /// <summary>PET slice spacing and thickness, mm.</summary>
    public double SliceSpacingMm { get; init; } = 3;

    public bool IncludeCt { get; init; } = true;

    /// <summary>CT rows and columns; the CT covers the same transverse field of view as the PET.</summary>
    public int CtMatrix { get; init; } = 512;

    /// <summary>CT slice spacing, mm; null: the PET slice spacing.</summary>
    public double? CtSliceSpacingMm { get; init; }

    /// <summary>The z range (mm) the CT covers; null: the PET's whole z extent.</summary>
    public double? CtZMinMm { get; init; }

    /// <inheritdoc cref="CtZMinMm"/>
    public double? CtZMaxMm { get; init; }

    public double PatientWeightKg { get; init; } = 70;

    public double PatientHeightM { get; init; } = 1.65;

    /// <summary>PatientSex (0010,0040): M, F or O.</summary>
    public string PatientSex { get; init; } = "F";

    public string PatientName { get; init; } = "PHANTOM^SYNTHETIC";

    public string PatientId { get; init; } = "PHANTOM";

    public double InjectedDoseBq { get; init; }

    /// <summary>RadiopharmaceuticalStartDateTime: the injection.</summary>
    public DateTime InjectionTime { get; init; }

    /// <summary>SeriesDate/Time: the start of the first bed position (feet first upwards, lowest z first).</summary>
    public DateTime ScanStart { get; init; }

    public double BedDurationSeconds { get; init; } = 120;

    /// <summary>Axial length of one bed position, mm; its slices share AcquisitionTime and FrameReferenceTime.</summary>
    public double BedLengthMm { get; init; } = 160;

    public int Seed { get; init; } = 1;

    /// <summary>Relative SD of the Gaussian noise added to each voxel (0.1 = 10% of the voxel's value); 0 = none.</summary>
    public double NoiseLevel { get; init; }

    /// <summary>FWHM of the Gaussian smoothing, mm; 0 = none.</summary>
    public double SmoothingFwhmMm { get; init; }

    /// <summary>
    /// False (default): smooth, then add white noise of SD NoiseLevel × value. True: add the noise first and smooth it
    /// with the activity, giving spatially correlated, PET-like texture whose SD is then well below NoiseLevel.
    /// </summary>
    public bool NoiseBeforeSmoothing { get; init; }

    public IReadOnlyList<PhantomSphere> Spheres { get; init; } = [];

    /// <summary>The body: an elliptic cylinder along z, centred on the z axis.</summary>
    public double BodySemiAxisXMm { get; init; } = 170;

    /// <inheritdoc cref="BodySemiAxisXMm"/>
    public double BodySemiAxisYMm { get; init; } = 110;

    /// <summary>
    /// Where the body cylinder's axis (and the spine with it) crosses the transverse plane, mm; 0, 0 by default. With
    /// the other structures moved by the same amount, the whole patient lies shifted in the scanner (the patient
    /// phantom's visits).
    /// </summary>
    public double BodyCentreXMm { get; init; }

    /// <inheritdoc cref="BodyCentreXMm"/>
    public double BodyCentreYMm { get; init; }

    /// <summary>
    /// The body, lungs, liver and spine turned by this many degrees about the z axis through
    /// (<see cref="BodyCentreXMm"/>, <see cref="BodyCentreYMm"/>), right-handed (+x towards +y); 0 by default. The
    /// spheres are not turned: they lie where <see cref="Spheres"/> puts them (the patient phantom turns their centres
    /// itself), so their truth is computed as without rotation.
    /// </summary>
    public double BodyRotationZDegrees { get; init; }

    public double BackgroundSuv { get; init; } = 1.0;

    public PhantomEllipsoid RightLung { get; init; } = new(-75, 0, 150, 55, 70, 110);

    public PhantomEllipsoid LeftLung { get; init; } = new(75, 0, 150, 55, 70, 110);

    public double LungSuv { get; init; } = 0.3;

    /// <summary>Right upper abdomen, just below the right lung.</summary>
    public PhantomEllipsoid Liver { get; init; } = new(-60, 0, -30, 80, 70, 65);

    public double LiverSuv { get; init; } = 2.0;

    /// <summary>A spine: a cylinder along z behind the centre, CT only (its PET uptake is the background's).</summary>
    public bool IncludeBone { get; init; } = true;

    public double HalfLifeSeconds => Tracer == PhantomTracer.Zr89 ? 282276 : 6586.2;

    /// <summary>
    /// The default study for a tracer on a grid. The anatomy is clinical size (a 340 × 220 mm body) on grids of at
    /// least 400 mm across and 700 mm long, and shrinks proportionally on smaller ones (sphere diameters kept).
    /// FDG: 250 MBq, 60 min uptake. 89Zr: 37 MBq, imaged 4 days after injection. Six spheres of 10–30 mm.
    /// </summary>
    public static PhantomSpec Create(
        PhantomTracer tracer, int columns = 200, int rows = 200, int slices = 400,
        double pixelSpacingMm = 4, double sliceSpacingMm = 3)
    {
        (double transverse, double axial) = AnatomyScale(columns, rows, slices, pixelSpacingMm, sliceSpacingMm);
        var template = new PhantomSpec();
        bool zr = tracer == PhantomTracer.Zr89;
        double[] suvs = zr ? [4, 6, 3, 9, 12, 15] : [6, 8, 5, 10, 12, 15];
        (double X, double Y, double Z, double D)[] places =
        [
            (-80, -10, 170, 10), // right lung nodule
            (85, 10, 120, 15), // left lung nodule
            (0, -20, 140, 20), // mediastinal node
            (60, -85, 140, 25), // left breast
            (-100, 20, -50, 20), // liver metastasis, away from the liver's centre
            (30, 40, -150, 30), // para-aortic node
        ];
        return template with
        {
            Tracer = tracer,
            Columns = columns,
            Rows = rows,
            Slices = slices,
            PixelSpacingMm = pixelSpacingMm,
            SliceSpacingMm = sliceSpacingMm,
            InjectedDoseBq = zr ? 37e6 : 250e6,
            InjectionTime = zr ? new DateTime(2025, 3, 6, 10, 0, 0) : new DateTime(2025, 3, 10, 9, 0, 0),
            ScanStart = new DateTime(2025, 3, 10, 10, 0, 0),
            BackgroundSuv = 1.0,
            LungSuv = zr ? 0.5 : 0.3,
            LiverSuv = zr ? 5.0 : 2.0,
            BodySemiAxisXMm = template.BodySemiAxisXMm * transverse,
            BodySemiAxisYMm = template.BodySemiAxisYMm * transverse,
            RightLung = template.RightLung.Scaled(transverse, axial),
            LeftLung = template.LeftLung.Scaled(transverse, axial),
            Liver = template.Liver.Scaled(transverse, axial),
            Spheres = [.. places.Select((p, i) => new PhantomSphere(p.X * transverse, p.Y * transverse, p.Z * axial, p.D, suvs[i]))],
        };
    }

    /// <summary>
    /// How much <see cref="Create"/> shrinks the clinical-size anatomy (and its default sphere positions) across and
    /// along z: 1 on grids of at least 400 mm across and 700 mm long.
    /// </summary>
    public static (double Transverse, double Axial) AnatomyScale(int columns, int rows, int slices, double pixelSpacingMm, double sliceSpacingMm) =>
        (Math.Min(1, Math.Min(columns, rows) * pixelSpacingMm / 400), Math.Min(1, slices * sliceSpacingMm / 700));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first impossible value.</summary>
    public void Validate()
    {
        Require(Columns is > 0 and <= 4096 && Rows is > 0 and <= 4096 && Slices is > 0 and <= 10000, "the PET matrix must be 1–4096 × 1–4096 × 1–10000");
        Require(PixelSpacingMm > 0 && SliceSpacingMm > 0, "spacings must be positive");
        Require(!IncludeCt || CtMatrix is > 0 and <= 4096, "the CT matrix must be 1–4096");
        Require(CtSliceSpacingMm is null or > 0, "the CT slice spacing must be positive");
        Require(CtZMinMm is not { } low || CtZMaxMm is not { } high || high >= low, "the CT z range is empty");
        Require(PatientWeightKg > 0 && PatientHeightM > 0, "weight and height must be positive");
        Require(PatientSex is "M" or "F" or "O", "sex must be M, F or O");
        Require(InjectedDoseBq > 0, "the injected dose must be positive");
        Require(ScanStart >= InjectionTime, "the scan cannot start before the injection");
        Require(BedDurationSeconds > 0 && BedLengthMm > 0, "bed duration and length must be positive");
        Require(NoiseLevel >= 0 && SmoothingFwhmMm >= 0, "noise and smoothing must not be negative");
        Require(BackgroundSuv >= 0 && LungSuv >= 0 && LiverSuv >= 0, "SUVs must not be negative");
        for (int i = 0; i < Spheres.Count; i++)
        {
            PhantomSphere s = Spheres[i];
            Require(s.DiameterMm > 0 && s.Suv >= 0, string.Create(CultureInfo.InvariantCulture, $"sphere {i + 1} needs a positive diameter and a non-negative SUV"));
            for (int j = 0; j < i; j++)
            {
                PhantomSphere o = Spheres[j];
                double distance = Math.Sqrt(((s.X - o.X) * (s.X - o.X)) + ((s.Y - o.Y) * (s.Y - o.Y)) + ((s.Z - o.Z) * (s.Z - o.Z)));
                Require(distance >= s.RadiusMm + o.RadiusMm, string.Create(CultureInfo.InvariantCulture, $"spheres {j + 1} and {i + 1} overlap"));
            }
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
