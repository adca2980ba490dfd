namespace PacsNode.Quantification.Suv;

/// <summary>The body-size normalisers of DOMAIN.md section 2, with their DICOM codes (CID 85).</summary>
public enum SuvNormalisation
{
    /// <summary>SUVbw, 126401: body weight in g.</summary>
    BodyWeight,

    /// <summary>SUVlbm(Janma), 126405: Janmahasatian lean body mass; SUL for PERCIST.</summary>
    LeanBodyMassJanma,

    /// <summary>SUVlbm(James128), 126406: James lean body mass with 128 for males.</summary>
    LeanBodyMassJames128,

    /// <summary>SUVbsa, 126403: Du Bois body surface area in cm².</summary>
    BodySurfaceArea,

    /// <summary>SUVibw, 126404: ideal body weight.</summary>
    IdealBodyWeight,
}
