namespace PacsNode.Dicom.Data.Values;

/// <summary>
/// The last component present in a TM or DT value. PS3.5 lets both end early ("2024", "1015"); a value
/// then stands for the whole period it names, which range matching needs to know.
/// </summary>
public enum DicomDateTimePrecision
{
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,

    /// <summary>Fractional seconds, 1 to 6 digits.</summary>
    Fraction,
}
