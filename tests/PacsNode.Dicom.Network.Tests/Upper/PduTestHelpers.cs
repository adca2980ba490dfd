using System.Buffers;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Tests.Upper;

internal static class PduTestHelpers
{
    public static Pdu ParseOne(byte[] bytes, uint maxPData = 1 << 20)
    {
        var reader = new PduReader(maxPData);
        var sequence = new ReadOnlySequence<byte>(bytes);
        if (!reader.TryParse(sequence, out SequencePosition consumed, out _, out Pdu? pdu))
        {
            throw new InvalidOperationException("the bytes do not hold a whole PDU");
        }

        if (!consumed.Equals(sequence.End))
        {
            throw new InvalidOperationException("the PDU did not consume all bytes");
        }

        return pdu!;
    }

    public static T RoundTrip<T>(T pdu)
        where T : Pdu
    {
        byte[] first = PduWriter.ToArray(pdu);
        var parsed = (T)ParseOne(first);
        byte[] second = PduWriter.ToArray(parsed);
        Xunit.Assert.Equal(first, second);
        return parsed;
    }

    /// <summary>Writes a PDU header (type, reserved, big-endian length) in front of a body.</summary>
    public static byte[] WithHeader(byte type, byte[] body, uint? length = null)
    {
        uint n = length ?? (uint)body.Length;
        return [type, 0, (byte)(n >> 24), (byte)(n >> 16), (byte)(n >> 8), (byte)n, .. body];
    }
}
