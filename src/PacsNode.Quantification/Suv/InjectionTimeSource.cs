namespace PacsNode.Quantification.Suv;

/// <summary>Where the injection date and time came from (DOMAIN.md section 2).</summary>
public enum InjectionTimeSource
{
    /// <summary>Not needed (ADMIN, GML, CM2ML, Philips SUV scale factor).</summary>
    NotApplicable,

    /// <summary>RadiopharmaceuticalStartDateTime (0018,1078).</summary>
    StartDateTime,

    /// <summary>RadiopharmaceuticalStartTime (0018,1072) on SeriesDate.</summary>
    StartTimeOnSeriesDate,

    /// <summary>RadiopharmaceuticalStartTime later than the scan: the day before SeriesDate (midnight crossed).</summary>
    StartTimeOnDayBeforeSeriesDate,

    /// <summary>RadiopharmaceuticalStartTime on the date given in <see cref="SuvOptions.InjectionDate"/>.</summary>
    StartTimeOnConfiguredDate,
}
