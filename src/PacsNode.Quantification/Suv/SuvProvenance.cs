namespace PacsNode.Quantification.Suv;

/// <summary>What the SUV factors rest on: the values read, the rules chosen, and what was assumed or converted.</summary>
public sealed record SuvProvenance
{
    /// <summary>DecayCorrection (0054,1102): START, ADMIN or NONE; null when the units do not need it.</summary>
    public string? DecayCorrection { get; init; }

    public ReferenceTimeSource ReferenceTimeSource { get; init; }

    /// <summary>The decay reference time (START); null for ADMIN, NONE and units that need none.</summary>
    public DateTime? ReferenceTime { get; init; }

    public InjectionTimeSource InjectionTimeSource { get; init; }

    public DateTime? InjectionTime { get; init; }

    /// <summary>RadionuclideTotalDose in Bq after any MBq conversion.</summary>
    public double? DoseBq { get; init; }

    /// <summary>True when the header's dose was below 10⁵ and was read as MBq.</summary>
    public bool DoseConvertedFromMegabecquerel { get; init; }

    public double? HalfLifeSeconds { get; init; }

    /// <summary>PatientWeight in kg after any gram conversion.</summary>
    public double? WeightKg { get; init; }

    /// <summary>True when the header's weight was above 1000 and was read as grams.</summary>
    public bool WeightConvertedFromGrams { get; init; }

    public double? HeightCm { get; init; }

    /// <summary>PatientSex as read; "O" or missing means the male and female formulas were averaged.</summary>
    public string? PatientSex { get; init; }

    /// <summary>The nuclide identified from RadionuclideCodeSequence, when it could be.</summary>
    public string? Nuclide { get; init; }

    /// <summary>SUVType (0054,1006) honoured for GML/CM2ML, as used ("BW" when empty).</summary>
    public string? SuvType { get; init; }

    /// <summary>Every attribute, fallback and assumption used, in the order the calculator used them.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Things a reader should look at; the factors are still computed.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
