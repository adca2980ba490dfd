namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// The patient phantom's lesions and expected results, by hand with the default thresholds of DOMAIN.md section 5.
/// 89Zr lesion-to-background ratios: the carried-over VOI is the FDG sphere, SUVpeak = the sphere's 89Zr SUV (the peak
/// sphere fits inside every lesion), and the 10–20 mm shell lies in body background of SUV 1 (lung 0.5 for the lung
/// nodule), so LBR = 89Zr SUV (lung: ≥ 7). FDG MTVs ∝ d³: positive 20³ + 24³ + 20³ = 29824, negative
/// 24³ + 30³ = 40824, share 0.42 → pattern C (the voxelised MTVs give 0.41–0.43 on the grids used) → HER2-PET negative.
/// PERCIST (SUL = 0.616 × SUV, 70 kg, 1.65 m, F): baseline hottest "abdomen-low" 12 → 7.39 SUL; follow-up hottest
/// "pelvis-right" 9.45 → 5.82 (−21%, −1.57 SUL) → SMD without the new lesion; the new lesion makes it PMD. Either way
/// there is no early response: ZEPHIR group NEG-NORESP, the group that predicts treatment failure.
/// </summary>
public static class PatientPhantomDesign
{
    public static IReadOnlyList<PatientPhantomLesion> Lesions { get; } =
    [
        new("lung", -75, 0, 160, 20, 8, 7, 4.4, "tracked", "HER2-4", "POS", "PMR", "POS-RESP",
            "89Zr LBR ≥ 7 (lung shell) ≥ 3.0 → class 4; FDG 8 → 4.4 = −45% ≤ −15% → PMR"),
        new("pelvis-left", 90, -30, -200, 24, 10, 2.2, 9.3, "tracked", "HER2-3", "POS", "SMD", "POS-NORESP",
            "LBR 2.2 in [1.5, 3.0) → class 3; 10 → 9.3 = −7% → SMD"),
        new("pelvis-right", -90, -30, -200, 24, 7, null, 9.45, "tracked", "HER2-1", "NEG", "PMD", "NEG-NORESP",
            "no 89Zr uptake, LBR 1.0 < 1.2 → class 1; 7 → 9.45 = +35% ≥ 25% → PMD"),
        new("abdomen-low", 0, -50, -270, 30, 12, 1.35, 6, "tracked", "HER2-2", "NEG", "PMR", "NEG-RESP",
            "LBR 1.35 in [1.2, 1.5) → class 2; 12 → 6 = −50% → PMR"),
        new("abdomen-left", 60, 40, -120, 20, 6, 5, null, "disappeared", "HER2-4", "POS", "CMR", "POS-RESP",
            "LBR 5 ≥ 3.0 → class 4; gone at follow-up (carried VOI LBR ≈ 1 < 1.5) → CMR"),
        new("new-right", -60, 60, -230, 20, null, null, 7, "new", null, null, null, null,
            "appears at follow-up: new lesion (PERCIST PMD)"),
    ];

    public const string Pattern = "C";
    public const string PatternStatus = "NEG";
    public const string PercistWithNewLesion = "PMD";
    public const string PercistWithoutNewLesion = "SMD";
    public const string ZephirGroup = "NEG-NORESP";
}
