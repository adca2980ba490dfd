namespace PacsNode.Quantification.Suv;

/// <summary>Why a series' SUV factors cannot be computed (DOMAIN.md section 2). The message names the attribute.</summary>
public enum SuvFailureReason
{
    /// <summary>The series has no slices.</summary>
    NoSlices,

    /// <summary>A required attribute is absent, empty or zero (weight, dose, half-life, injection time, …).</summary>
    MissingAttribute,

    /// <summary>An attribute is present but its value cannot be used (does not parse, negative, unknown term).</summary>
    InvalidAttribute,

    /// <summary>Slices of one series disagree on a series-level attribute; we never pick one silently.</summary>
    InconsistentSeries,

    /// <summary>Units (0054,1001) that cannot be converted to activity concentration: PROPCNTS, PROPCPS, 1CM.</summary>
    UnconvertibleUnits,

    /// <summary>Units (0054,1001) this calculator does not know.</summary>
    UnsupportedUnits,

    /// <summary>A non-zero RescaleIntercept, which is an error for PET.</summary>
    NonZeroIntercept,

    /// <summary>A long-lived tracer with an injection time but no date: ambiguous by whole days.</summary>
    AmbiguousInjectionDate,

    /// <summary>The injection is after the decay reference time.</summary>
    NegativeDecayTime,

    /// <summary>SUVType LBM (James with 120 or 128, DICOM says implementations differ) cannot be converted.</summary>
    AmbiguousSuvType,
}
