namespace PacsNode.Dicom.Network.Dimse;

/// <summary>C-STORE statuses of PS3.4 table B.2-1 (and the general ones of PS3.7 Annex C that it uses).</summary>
public static class StoreStatus
{
    public static DicomStatus Success => DicomStatus.Success;

    /// <summary>A7xx: refused, out of resources.</summary>
    public static DicomStatus OutOfResources { get; } = new(0xA700);

    /// <summary>A9xx: error, data set does not match SOP class.</summary>
    public static DicomStatus DataSetDoesNotMatchSopClass { get; } = new(0xA900);

    /// <summary>Cxxx: error, cannot understand.</summary>
    public static DicomStatus CannotUnderstand { get; } = new(0xC000);

    /// <summary>B000: warning, coercion of data elements.</summary>
    public static DicomStatus CoercionOfDataElements { get; } = new(0xB000);

    /// <summary>B007: warning, data set does not match SOP class.</summary>
    public static DicomStatus DataSetDoesNotMatchSopClassWarning { get; } = new(0xB007);

    /// <summary>B006: warning, elements discarded.</summary>
    public static DicomStatus ElementsDiscarded { get; } = new(0xB006);

    /// <summary>0111: duplicate SOP instance (PS3.7 C.5.8).</summary>
    public static DicomStatus DuplicateSopInstance { get; } = new(0x0111);

    public static DicomStatus SopClassNotSupported => DicomStatus.SopClassNotSupported;
}
