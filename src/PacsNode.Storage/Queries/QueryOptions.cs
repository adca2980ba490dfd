namespace PacsNode.Storage.Queries;

/// <summary>How C-FIND answers are built.</summary>
public sealed record QueryOptions
{
    /// <summary>Put in Retrieve AE Title (0008,0054) of every answer when set.</summary>
    public string? RetrieveAETitle { get; init; }

    /// <summary>The most answers a query returns; 0 for no limit.</summary>
    public int MaxResults { get; init; }
}
