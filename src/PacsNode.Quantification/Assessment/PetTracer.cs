namespace PacsNode.Quantification.Assessment;

/// <summary>The tracer of a PET series as far as the patient assessment cares.</summary>
public enum PetTracer
{
    /// <summary>18F-fluorodeoxyglucose.</summary>
    Fdg,

    /// <summary>89Zr-trastuzumab (HER2-PET).</summary>
    Zr89Trastuzumab,

    /// <summary>Anything else, or not recognisable.</summary>
    Other,
}
