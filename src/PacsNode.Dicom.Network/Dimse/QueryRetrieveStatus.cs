namespace PacsNode.Dicom.Network.Dimse;

/// <summary>
/// Statuses of the Query/Retrieve services: C-FIND (PS3.4 table C.4-1), C-MOVE (table C.4-2) and C-GET
/// (table C.4-3).
/// </summary>
public static class QueryRetrieveStatus
{
    public static DicomStatus Success => DicomStatus.Success;

    /// <summary>FF00: pending, matches are continuing (C-FIND), or sub-operations are continuing (C-MOVE, C-GET).</summary>
    public static DicomStatus Pending { get; } = new(0xFF00);

    /// <summary>FF01: pending, matches are continuing but one or more optional keys were not supported (C-FIND).</summary>
    public static DicomStatus PendingOptionalKeysNotSupported { get; } = new(0xFF01);

    /// <summary>FE00: cancel, matching or sub-operations terminated due to a C-CANCEL indication.</summary>
    public static DicomStatus Cancel { get; } = new(0xFE00);

    /// <summary>A700: refused, out of resources (C-FIND).</summary>
    public static DicomStatus OutOfResources { get; } = new(0xA700);

    /// <summary>A701: refused, out of resources, unable to calculate the number of matches (C-MOVE, C-GET).</summary>
    public static DicomStatus OutOfResourcesNumberOfMatches { get; } = new(0xA701);

    /// <summary>A702: refused, out of resources, unable to perform sub-operations (C-MOVE, C-GET).</summary>
    public static DicomStatus OutOfResourcesSubOperations { get; } = new(0xA702);

    /// <summary>A801: refused, move destination unknown (C-MOVE).</summary>
    public static DicomStatus MoveDestinationUnknown { get; } = new(0xA801);

    /// <summary>A900: error, identifier does not match SOP class.</summary>
    public static DicomStatus IdentifierDoesNotMatchSopClass { get; } = new(0xA900);

    /// <summary>C000: error, unable to process.</summary>
    public static DicomStatus UnableToProcess { get; } = new(0xC000);

    /// <summary>B000: warning, sub-operations complete, one or more failures or warnings (C-MOVE, C-GET).</summary>
    public static DicomStatus SubOperationsCompleteWithFailures { get; } = new(0xB000);
}
