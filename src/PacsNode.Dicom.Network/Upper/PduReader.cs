using System.Buffers;
using System.Buffers.Binary;

namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// Parses PDUs from a <see cref="ReadOnlySequence{T}"/> in Bedrock's message-reader shape. The 6-byte header is
/// checked first: an unknown PDU type, or a length above the configured maximum, is refused at once, before any
/// body byte is awaited or allocated. Then the whole body is parsed with every item length checked against the
/// bytes remaining in its enclosing structure.
/// </summary>
public sealed class PduReader
{
    /// <summary>The PDU header: type, reserved, 32-bit big-endian length.</summary>
    public const int HeaderLength = 6;

    /// <summary>Default cap for association, release and abort PDUs (a very large A-ASSOCIATE-RQ is ~60 KB).</summary>
    public const uint DefaultMaxControlPduLength = 1024 * 1024;

    /// <param name="maxPDataLength">The largest P-DATA-TF body we accept: the maximum length we advertised.</param>
    /// <param name="maxControlPduLength">The largest body of any other PDU.</param>
    public PduReader(uint maxPDataLength, uint maxControlPduLength = DefaultMaxControlPduLength)
    {
        ArgumentOutOfRangeException.ThrowIfZero(maxPDataLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPDataLength, (uint)Array.MaxLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxControlPduLength, (uint)Array.MaxLength);
        MaxPDataLength = maxPDataLength;
        MaxControlPduLength = maxControlPduLength;
    }

    /// <summary>The largest P-DATA-TF PDU length field accepted; may be raised or lowered after negotiation.</summary>
    public uint MaxPDataLength { get; set; }

    public uint MaxControlPduLength { get; }

    /// <summary>
    /// Tries to parse one PDU. Returns false, with <paramref name="consumed"/> at the start and
    /// <paramref name="examined"/> at the end of the buffer, when more bytes are needed.
    /// </summary>
    /// <exception cref="UpperLayerProtocolException">The bytes cannot be a valid PDU; abort the association.</exception>
    public bool TryParse(
        in ReadOnlySequence<byte> buffer, out SequencePosition consumed, out SequencePosition examined, out Pdu? pdu)
    {
        consumed = buffer.Start;
        examined = buffer.End;
        pdu = null;
        if (buffer.Length < HeaderLength)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        byte type = header[0];
        uint length = BinaryPrimitives.ReadUInt32BigEndian(header[2..]);
        if (type is < (byte)PduType.AAssociateRq or > (byte)PduType.AAbort)
        {
            throw new UpperLayerProtocolException(AbortReason.UnrecognizedPdu,
                $"unrecognized PDU type 0x{type:X2} (length field {length})");
        }

        uint max = type == (byte)PduType.PDataTf ? MaxPDataLength : MaxControlPduLength;
        if (length > max)
        {
            throw new UpperLayerProtocolException(AbortReason.InvalidPduParameterValue,
                $"{(PduType)type} PDU length {length} exceeds the maximum of {max} bytes");
        }

        if (buffer.Length - HeaderLength < length)
        {
            return false;
        }

        ReadOnlySequence<byte> body = buffer.Slice(HeaderLength, length);
        pdu = Parse((PduType)type, body);
        consumed = examined = body.End;
        return true;
    }

    private static Pdu Parse(PduType type, ReadOnlySequence<byte> body)
    {
        if (type == PduType.PDataTf)
        {
            // The values outlive the pipe's buffer, so the body is copied once into memory the PDU owns.
            return PDataTfPdu.Parse(body.ToArray());
        }

        byte[]? rented = null;
        Span<byte> span = body.Length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent((int)body.Length));
        try
        {
            span = span[..(int)body.Length];
            body.CopyTo(span);
            return type switch
            {
                PduType.AAssociateRq => AAssociateRqPdu.Parse(span),
                PduType.AAssociateAc => AAssociateAcPdu.Parse(span),
                PduType.AAssociateRj => AAssociateRjPdu.Parse(span),
                PduType.AReleaseRq => AReleaseRqPdu.Parse(span),
                PduType.AReleaseRp => AReleaseRpPdu.Parse(span),
                _ => AAbortPdu.Parse(span),
            };
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
