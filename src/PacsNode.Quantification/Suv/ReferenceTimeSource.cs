namespace PacsNode.Quantification.Suv;

/// <summary>Which rule chose the decay reference time (DOMAIN.md section 2).</summary>
public enum ReferenceTimeSource
{
    /// <summary>No decay reference is needed (ADMIN, GML, CM2ML, Philips SUV scale factor).</summary>
    NotApplicable,

    /// <summary>SeriesDate/SeriesTime, not after the earliest acquisition.</summary>
    SeriesDateTime,

    /// <summary>GE private scan time, creator "GEMS_PETD_01" element xx0D.</summary>
    GePrivateScanTime,

    /// <summary>
    /// IBSI back-computation: AcquisitionDateTime + average-count-rate time of the frame − FrameReferenceTime,
    /// equal on every slice within one second.
    /// </summary>
    FrameReferenceBackComputation,

    /// <summary>The earliest AcquisitionDate/AcquisitionTime of the series.</summary>
    EarliestAcquisition,

    /// <summary>DecayCorrection NONE: each slice decayed to its own acquisition (plus average-count-rate time).</summary>
    PerSliceAcquisition,
}
