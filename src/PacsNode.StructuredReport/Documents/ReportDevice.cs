namespace PacsNode.StructuredReport.Documents;

/// <summary>
/// The equipment that made the object (General / Enhanced General Equipment modules) and, for an SR, the device
/// observer of TID 1004 (Device Observer UID and Name).
/// </summary>
public sealed record ReportDevice
{
    public string Manufacturer { get; init; } = "PacsNode";

    public required string ManufacturerModelName { get; init; }

    public required string SoftwareVersions { get; init; }

    public required string DeviceSerialNumber { get; init; }

    /// <summary>Device Observer UID (121012, DCM): a UID that stays the same for this node.</summary>
    public required string ObserverUid { get; init; }

    /// <summary>Device Observer Name (121013, DCM).</summary>
    public required string ObserverName { get; init; }

    public string? InstitutionName { get; init; }
}
