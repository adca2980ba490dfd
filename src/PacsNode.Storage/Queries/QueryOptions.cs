namespace PacsNode.Storage.Queries;

/// <summary>How C-FIND answers are built.</summary>
public sealed record QueryOptions
{
    /// <summary>Put in Retrieve AE Title (0008,0054) of every answer when set.</summary>
    public string? RetrieveAETitle { get; init; }

    /// <summary>
    /// Combined date-time range matching (PS3.4 C.2.2.2.5.1): when both Study Date and Study Time have match values,
    /// they are read as one range from date-lower at time-lower to date-upper at time-upper, not as two independent
    /// ranges. Only when the association negotiated it (extended negotiation of the C-FIND SOP class).
    /// </summary>
    public bool CombineDateTimeMatching { get; init; }

    /// <summary>
    /// Match PN keys insensitive to case (PS3.4 C.2.2.2.1 allows it for PN only): "doe*" finds "Doe^John". Off by
    /// default: matching is then literal and case-sensitive, as for every other VR.
    /// </summary>
    public bool CaseInsensitivePersonNames { get; init; }

    /// <summary>The most answers a query returns; 0 for no limit.</summary>
    public int MaxResults { get; init; }
}
