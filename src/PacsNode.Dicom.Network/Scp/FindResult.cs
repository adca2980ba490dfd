using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>What a C-FIND SCP role answers: the matches to send as pending responses, or a failure.</summary>
public sealed class FindResult
{
    private FindResult(IAsyncEnumerable<DicomDataset>? matches, bool optionalKeysNotSupported, DimseResult? failure,
        IReadOnlyList<DicomTag> offendingElements)
    {
        Matches = matches;
        OptionalKeysNotSupported = optionalKeysNotSupported;
        Failure = failure;
        OffendingElements = offendingElements;
    }

    /// <summary>The matching identifiers, each sent in its own pending response; null for a failure.</summary>
    public IAsyncEnumerable<DicomDataset>? Matches { get; }

    /// <summary>Pending responses say FF01 (optional keys not supported) rather than FF00.</summary>
    public bool OptionalKeysNotSupported { get; }

    public DimseResult? Failure { get; }

    /// <summary>Offending Element (0000,0901) of a failure.</summary>
    public IReadOnlyList<DicomTag> OffendingElements { get; }

    public static FindResult Found(IAsyncEnumerable<DicomDataset> matches, bool optionalKeysNotSupported = false)
    {
        ArgumentNullException.ThrowIfNull(matches);
        return new FindResult(matches, optionalKeysNotSupported, null, []);
    }

    public static FindResult Failed(DimseResult failure, IReadOnlyList<DicomTag>? offendingElements = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new FindResult(null, false, failure, offendingElements ?? []);
    }
}
