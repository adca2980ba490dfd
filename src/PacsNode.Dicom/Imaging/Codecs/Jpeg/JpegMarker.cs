namespace PacsNode.Dicom.Imaging.Codecs.Jpeg;

/// <summary>The marker codes of ITU-T T.81 table B.1 that lossless JPEG uses (the byte after 0xFF).</summary>
internal static class JpegMarker
{
    public const byte Sof0 = 0xC0;
    public const byte Sof3 = 0xC3;
    public const byte Dht = 0xC4;
    public const byte Rst0 = 0xD0;
    public const byte Rst7 = 0xD7;
    public const byte Soi = 0xD8;
    public const byte Eoi = 0xD9;
    public const byte Sos = 0xDA;
    public const byte Dri = 0xDD;
}
