using System.Buffers;
using System.Buffers.Binary;

namespace PacsNode.Dicom.Network.Upper;

/// <summary>Encodes PDUs, header and body, into an <see cref="IBufferWriter{T}"/> in one contiguous span.</summary>
public static class PduWriter
{
    /// <summary>Writes one PDU and returns its total length (header included).</summary>
    public static int Write(Pdu pdu, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        ArgumentNullException.ThrowIfNull(output);
        int body = pdu.MeasureBody();
        int total = PduReader.HeaderLength + body;
        Span<byte> span = output.GetSpan(total)[..total];
        span[0] = (byte)pdu.Type;
        span[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[2..], (uint)body);
        var writer = new PduSpanWriter(span[PduReader.HeaderLength..]);
        pdu.WriteBody(ref writer);
        if (writer.Position != body)
        {
            throw new InvalidOperationException($"{pdu.Type} measured {body} bytes but wrote {writer.Position}.");
        }

        output.Advance(total);
        return total;
    }

    /// <summary>The PDU's encoding as a new array (tests, logging).</summary>
    public static byte[] ToArray(Pdu pdu)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(pdu, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
