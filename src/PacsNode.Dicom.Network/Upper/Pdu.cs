namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// A protocol data unit of PS3.8 section 9.3. Each PDU type is a small sealed class that knows its own body
/// encoding; <see cref="PduReader"/> and <see cref="PduWriter"/> handle the 6-byte header.
/// </summary>
public abstract class Pdu
{
    private protected Pdu()
    {
    }

    public abstract PduType Type { get; }

    /// <summary>The number of bytes after the 6-byte PDU header.</summary>
    internal abstract int MeasureBody();

    internal abstract void WriteBody(ref PduSpanWriter writer);
}
