namespace PacsNode.Storage.Queries;

/// <summary>How a key is matched (PS3.4 C.2.2.2).</summary>
internal enum MatchKind
{
    /// <summary>Single value or wildcard, case-sensitive (AE, CS, LO, SH, …).</summary>
    Text,

    /// <summary>Single value or wildcard on the upper-cased key column: case-insensitive PN matching.</summary>
    PersonName,

    /// <summary>Single value or list of UIDs; no wildcards.</summary>
    Uid,

    /// <summary>DA single value or range.</summary>
    Date,

    /// <summary>TM single value or range.</summary>
    Time,

    /// <summary>DT single value or range.</summary>
    DateTime,

    /// <summary>IS single value.</summary>
    Integer,

    /// <summary>Modalities in Study: matches when any series' modality matches any value.</summary>
    Modalities,

    /// <summary>A derived count: returned, never matched.</summary>
    ReturnOnly,
}
