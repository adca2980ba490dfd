using System.Buffers;

namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>One tile's tile-parts gathered: its header markers, its packet data in order and any packed packet headers (PPT or PPM).</summary>
internal sealed class J2kTile(int index, int components)
{
    public int Index { get; } = index;

    public MarkerSet Markers { get; } = new(components);

    public ArrayBufferWriter<byte> Body { get; } = new();

    public ArrayBufferWriter<byte>? PackedHeaders { get; set; }

    public int PartsSeen { get; set; }

    public int PartsDeclared { get; set; }
}
