using System.Buffers.Binary;

namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>COD (T.800 A.6.1): SOP/EPH use, progression order, layers and the multiple component transform, plus the component defaults.</summary>
internal sealed class CodingStyle
{
    public bool StartOfPacketMarkers { get; private init; }

    public bool EndOfPacketHeaderMarkers { get; private init; }

    public ProgressionOrder Progression { get; private init; }

    public int Layers { get; private init; }

    public bool MultipleComponentTransform { get; private init; }

    public required ComponentCodingStyle Component { get; init; }

    public static CodingStyle Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length < 10)
        {
            throw J2kError.Corrupt("the COD segment is truncated.");
        }

        int scod = body[0];
        int progression = body[1];
        int layers = BinaryPrimitives.ReadUInt16BigEndian(body[2..]);
        if (progression > 4 || layers == 0 || body[4] > 1)
        {
            throw J2kError.Corrupt($"COD has progression {progression}, {layers} layers, transform {body[4]}.");
        }

        return new CodingStyle
        {
            StartOfPacketMarkers = (scod & 0x02) != 0,
            EndOfPacketHeaderMarkers = (scod & 0x04) != 0,
            Progression = (ProgressionOrder)progression,
            Layers = layers,
            MultipleComponentTransform = body[4] == 1,
            Component = ComponentCodingStyle.Parse(body[5..], (scod & 0x01) != 0),
        };
    }
}
