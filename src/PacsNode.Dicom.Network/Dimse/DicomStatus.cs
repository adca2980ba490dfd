namespace PacsNode.Dicom.Network.Dimse;

/// <summary>
/// A DIMSE status code (0000,0900). <see cref="Category"/> follows the ranges of PS3.7 Annex C: 0000 success;
/// FF00 and FF01 pending; FE00 cancel; 0001, 0107, 0116 and Bxxx warning; everything else (Axxx, Cxxx, 01xx, 02xx)
/// failure. Service-specific names are in <see cref="StoreStatus"/> and its siblings.
/// </summary>
public readonly record struct DicomStatus(ushort Code)
{
    public static DicomStatus Success { get; } = new(0x0000);

    /// <summary>0122: SOP class not supported (PS3.7 C.5.5).</summary>
    public static DicomStatus SopClassNotSupported { get; } = new(0x0122);

    /// <summary>0211: unrecognized operation (PS3.7 C.5.16).</summary>
    public static DicomStatus UnrecognizedOperation { get; } = new(0x0211);

    /// <summary>0110: processing failure (PS3.7 C.4.2).</summary>
    public static DicomStatus ProcessingFailure { get; } = new(0x0110);

    public StatusCategory Category => Code switch
    {
        0x0000 => StatusCategory.Success,
        0xFF00 or 0xFF01 => StatusCategory.Pending,
        0xFE00 => StatusCategory.Cancel,
        0x0001 or 0x0107 or 0x0116 => StatusCategory.Warning,
        >= 0xB000 and <= 0xBFFF => StatusCategory.Warning,
        _ => StatusCategory.Failure,
    };

    public override string ToString() => $"{Code:X4} ({Category})";
}
