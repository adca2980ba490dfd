namespace PacsNode.Quantification.Suv;

/// <summary>
/// One slice's conversion: SUVbw = (stored × <see cref="RescaleSlope"/> + <see cref="RescaleIntercept"/>) ×
/// <see cref="FactorBw"/>. The intercept is always zero for an accepted PET slice; it is kept for the formula.
/// </summary>
/// <param name="Index">The slice's position in the list given to the calculator.</param>
/// <param name="SopInstanceUid">The slice's SOPInstanceUID, when present.</param>
/// <param name="RescaleSlope">RescaleSlope (0028,1053) of this slice.</param>
/// <param name="RescaleIntercept">RescaleIntercept (0028,1052) of this slice.</param>
/// <param name="FactorBw">Multiplier from rescaled value to SUVbw (g/ml).</param>
/// <param name="DecayedDoseBq">The dose decayed to this slice's reference time, when the units needed it.</param>
public readonly record struct SuvSliceFactor(
    int Index,
    string? SopInstanceUid,
    double RescaleSlope,
    double RescaleIntercept,
    double FactorBw,
    double? DecayedDoseBq);
