using PacsNode.Quantification.Suv;

namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// The clock of a phantom acquisition. Beds are acquired from the lowest z upwards, one every
/// <see cref="PhantomSpec.BedDurationSeconds"/>, starting at <see cref="PhantomSpec.ScanStart"/>, which is also the
/// SeriesDate/Time and the decay-correction reference (DecayCorrection START).
/// </summary>
internal sealed class PhantomTiming
{
    private readonly PhantomSpec _spec;

    public PhantomTiming(PhantomSpec spec)
    {
        _spec = spec;
        UptakeSeconds = (spec.ScanStart - spec.InjectionTime).TotalSeconds;
        DecayedDoseBq = spec.InjectedDoseBq * DecayMath.RemainingFraction(UptakeSeconds, spec.HalfLifeSeconds);
        SuvBwFactor = spec.PatientWeightKg * 1000 / DecayedDoseBq;
        SlicesPerBed = Math.Max(1, (int)Math.Round(spec.BedLengthMm / spec.SliceSpacingMm));
    }

    /// <summary>Injection to scan start, seconds.</summary>
    public double UptakeSeconds { get; }

    /// <summary>The injected dose decayed to the scan start, Bq.</summary>
    public double DecayedDoseBq { get; }

    /// <summary>SUVbw per Bq/ml: weight (g) / decayed dose (Bq).</summary>
    public double SuvBwFactor { get; }

    public int SlicesPerBed { get; }

    /// <summary>The bed that acquired slice <paramref name="z"/> (0 = lowest z).</summary>
    public int Bed(int z) => z / SlicesPerBed;

    /// <summary>AcquisitionDate/Time of a slice: the start of its bed.</summary>
    public DateTime AcquisitionTime(int z) => _spec.ScanStart.AddSeconds(Bed(z) * _spec.BedDurationSeconds);

    /// <summary>FrameReferenceTime (ms): series start to the average-count-rate time of the slice's bed.</summary>
    public double FrameReferenceMilliseconds(int z) =>
        ((Bed(z) * _spec.BedDurationSeconds) + DecayMath.AverageCountRateTime(_spec.BedDurationSeconds, _spec.HalfLifeSeconds)) * 1000;

    /// <summary>DecayFactor (0054,1321): the decay from the series start to the frame reference time, undone.</summary>
    public double DecayFactor(int z) => 1 / DecayMath.RemainingFraction(FrameReferenceMilliseconds(z) / 1000, _spec.HalfLifeSeconds);
}
