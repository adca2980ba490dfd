namespace PacsNode.Dicom.IO;

/// <summary>What the resumable dataset parser reports after a call.</summary>
internal enum ParseStatus
{
    /// <summary>All data parsed and every container closed.</summary>
    Completed,

    /// <summary>More bytes are needed; call again with the unconsumed rest plus more data.</summary>
    NeedMoreData,

    /// <summary>The requested stop tag was reached; the element at the stop position is not consumed.</summary>
    Stopped,
}
