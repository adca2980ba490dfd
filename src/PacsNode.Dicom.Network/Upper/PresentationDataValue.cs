namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// A presentation data value item of a P-DATA-TF PDU (PS3.8 9.3.5.1 and Annex E.2): the presentation context id,
/// the message control header (bit 0: command rather than dataset; bit 1: last fragment) and a fragment.
/// </summary>
public sealed record PresentationDataValue(byte PresentationContextId, bool IsCommand, bool IsLast, ReadOnlyMemory<byte> Data)
{
    /// <summary>Item length field (4), context id (1) and message control header (1).</summary>
    public const int Overhead = 6;

    internal byte MessageControlHeader => (byte)((IsCommand ? 1 : 0) | (IsLast ? 2 : 0));
}
