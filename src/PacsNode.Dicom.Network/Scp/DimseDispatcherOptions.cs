namespace PacsNode.Dicom.Network.Scp;

/// <summary>Limits of the DIMSE dispatcher.</summary>
public sealed record DimseDispatcherOptions
{
    /// <summary>Datasets larger than this are spooled to a temporary file rather than held in memory.</summary>
    public long SpoolThreshold { get; init; } = 1024 * 1024;

    /// <summary>Where spool files go.</summary>
    public string TempDirectory { get; init; } = Path.GetTempPath();
}
