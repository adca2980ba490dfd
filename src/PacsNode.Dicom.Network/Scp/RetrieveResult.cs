using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Dimse;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>What a C-MOVE or C-GET SCP role answers: the instances to send as C-STORE sub-operations, or a failure.</summary>
public sealed class RetrieveResult
{
    private RetrieveResult(IReadOnlyList<InstanceFile>? instances, DimseResult? failure, IReadOnlyList<DicomTag> offendingElements)
    {
        Instances = instances;
        Failure = failure;
        OffendingElements = offendingElements;
    }

    /// <summary>The instances, in the order they are sent; null for a failure.</summary>
    public IReadOnlyList<InstanceFile>? Instances { get; }

    public DimseResult? Failure { get; }

    /// <summary>Offending Element (0000,0901) of a failure (not sent: C-MOVE/C-GET responses have no such field;
    /// kept for logging).</summary>
    public IReadOnlyList<DicomTag> OffendingElements { get; }

    public static RetrieveResult Found(IReadOnlyList<InstanceFile> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        return new RetrieveResult(instances, null, []);
    }

    public static RetrieveResult Failed(DimseResult failure, IReadOnlyList<DicomTag>? offendingElements = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new RetrieveResult(null, failure, offendingElements ?? []);
    }
}
