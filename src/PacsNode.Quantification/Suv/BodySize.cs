namespace PacsNode.Quantification.Suv;

/// <summary>
/// Body-size formulas of DOMAIN.md section 2 (PS3.16 CID 85 definitions). Weight W in kg, height H in cm.
/// Each returns the quantity that replaces body weight in SUV = C × X / dose: kg for masses, m² for BSA.
/// </summary>
public static class BodySize
{
    /// <summary>Janmahasatian 2005 LBM (kg): male 9270·W/(6680+216·BMI), female 9270·W/(8780+244·BMI).</summary>
    public static double LeanBodyMassJanma(double weightKg, double heightCm, bool male)
    {
        double heightM = heightCm / 100;
        double bmi = weightKg / (heightM * heightM);
        return male ? 9270 * weightKg / (6680 + (216 * bmi)) : 9270 * weightKg / (8780 + (244 * bmi));
    }

    /// <summary>James 1976 LBM with 128 for males (kg): male 1.10·W−128·(W/H)², female 1.07·W−148·(W/H)².</summary>
    public static double LeanBodyMassJames128(double weightKg, double heightCm, bool male)
    {
        double ratio = weightKg / heightCm;
        return male ? (1.10 * weightKg) - (128 * ratio * ratio) : (1.07 * weightKg) - (148 * ratio * ratio);
    }

    /// <summary>Du Bois body surface area (m²): 0.007184 · W^0.425 · H^0.725.</summary>
    public static double BodySurfaceAreaDuBois(double weightKg, double heightCm) =>
        0.007184 * Math.Pow(weightKg, 0.425) * Math.Pow(heightCm, 0.725);

    /// <summary>
    /// Ideal body weight (kg): male 48.0 + 1.06·(H − 152), female 45.5 + 0.91·(H − 152). Not capped at the body
    /// weight (DOMAIN.md gives no cap; Slicer's calculator caps it).
    /// </summary>
    public static double IdealBodyWeight(double heightCm, bool male) =>
        male ? 48.0 + (1.06 * (heightCm - 152)) : 45.5 + (0.91 * (heightCm - 152));
}
