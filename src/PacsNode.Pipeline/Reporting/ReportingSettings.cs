using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.StructuredReport.Documents;

namespace PacsNode.Pipeline.Reporting;

/// <summary>How the node measures and signs its reports; composed by the host from configuration.</summary>
public sealed record ReportingSettings
{
    /// <summary>
    /// Manufacturer and Manufacturer's Model Name of every SR and SEG the node makes; how the node recognises its own
    /// reports when they come back (<see cref="Patient.ReaderHer2Reports.IsNodeOwn"/>).
    /// </summary>
    public const string Manufacturer = "PacsNode";

    /// <summary>The node's AE title: Device Observer Name and Device Serial Number of every report.</summary>
    public required string AeTitle { get; init; }

    /// <summary>The node's software version (Software Versions, Algorithm Version).</summary>
    public required string SoftwareVersion { get; init; }

    /// <summary>
    /// The version without its "+commit" suffix, for Algorithm Version: the SEG joins name and version into Segment
    /// Algorithm Name (LO, 64 characters); the full build id is in Software Versions.
    /// </summary>
    public string AlgorithmVersion => SoftwareVersion.Split('+')[0];

    public AcceleratorChoice Accelerator { get; init; } = AcceleratorChoice.Auto;

    public LesionDetectionOptions Detection { get; init; } = new();

    public string? InstitutionName { get; init; }

    /// <summary>Series Number of the SR series and of the SEG series (one SR and one SEG series per PET series).</summary>
    public int SrSeriesNumber { get; init; } = 9001;

    public int SegSeriesNumber { get; init; } = 9002;

    /// <summary>The node as the equipment and device observer of its reports (the same for every report it makes).</summary>
    public ReportDevice Device() => new()
    {
        Manufacturer = Manufacturer,
        ManufacturerModelName = Manufacturer,
        SoftwareVersions = SoftwareVersion,
        DeviceSerialNumber = AeTitle,
        ObserverUid = DerivedUid.Create("pacsnode-device", AeTitle),
        ObserverName = AeTitle,
        InstitutionName = InstitutionName,
    };
}
