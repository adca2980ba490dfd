namespace PacsNode.Quantification.Phantoms;

/// <summary>The tracer of a synthetic study: its nuclide, half-life and the codes a scanner writes for it.</summary>
public enum PhantomTracer
{
    /// <summary>18F-FDG: T½ 6586.2 s, SCT 77004003 "^18^Fluorine", SCT 35321007 "Fluorodeoxyglucose F^18^".</summary>
    Fdg,

    /// <summary>89Zr-trastuzumab: T½ 282276 s, SCT 63360001 "^89^Zirconium", DCM 126512 "Trastuzumab ^89^Zr".</summary>
    Zr89,
}
