namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// One synthetic ZEPHIR patient: baseline FDG, 89Zr-trastuzumab HER2-PET (injected 3 days after the baseline, imaged
/// 4 days later) and FDG after one T-DM1 cycle (3 weeks after the HER2-PET), each its own study and frame of reference,
/// the whole patient shifted by a few mm between visits and, optionally, turned about the long axis
/// (<see cref="Her2RotationZDegrees"/>, <see cref="FollowUpRotationZDegrees"/>). The lesions are
/// <see cref="PatientPhantomDesign.Lesions"/>; the grid and image settings apply to all three studies.
/// </summary>
public sealed record PatientPhantomSpec
{
    public int Columns { get; init; } = 128;

    public int Rows { get; init; } = 128;

    public int Slices { get; init; } = 200;

    public double PixelSpacingMm { get; init; } = 4;

    public double SliceSpacingMm { get; init; } = 3;

    public bool IncludeCt { get; init; }

    /// <summary>CT rows and columns (with <see cref="IncludeCt"/>).</summary>
    public int CtMatrix { get; init; } = 512;

    /// <summary>As <see cref="PhantomSpec.NoiseBeforeSmoothing"/>.</summary>
    public bool NoiseBeforeSmoothing { get; init; }

    public double NoiseLevel { get; init; }

    public double SmoothingFwhmMm { get; init; }

    public int Seed { get; init; } = 1;

    public string PatientId { get; init; } = "ZEPHIR-PHANTOM-1";

    public string PatientName { get; init; } = "PHANTOM^ZEPHIR";

    /// <summary>Whether the follow-up shows the design's new lesion (PERCIST PMD) or not (PERCIST SMD).</summary>
    public bool IncludeNewLesion { get; init; } = true;

    /// <summary>Where the patient lies at the HER2-PET relative to the baseline, mm (LPS).</summary>
    public (double X, double Y, double Z) Her2ShiftMm { get; init; } = (4.4, -3.2, 6.1);

    /// <summary>Where the patient lies at the follow-up relative to the baseline, mm.</summary>
    public (double X, double Y, double Z) FollowUpShiftMm { get; init; } = (-5.3, 2.7, -7.6);

    /// <summary>
    /// How far the patient is turned at the HER2-PET, degrees about the body's long axis (right-handed about +z, +x
    /// towards +y), after the shift: a baseline point p lies at R(θ)·p + shift (the baseline body axis is the z axis).
    /// 0 by default (translation only).
    /// </summary>
    public double Her2RotationZDegrees { get; init; }

    /// <summary>As <see cref="Her2RotationZDegrees"/>, at the follow-up.</summary>
    public double FollowUpRotationZDegrees { get; init; }

    /// <summary>Start of the baseline FDG scan (injection 60 min before).</summary>
    public DateTime BaselineScan { get; init; } = new(2025, 3, 3, 10, 0, 0);
}
