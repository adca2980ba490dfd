using System.Buffers.Binary;
using PacsNode.Dicom.Imaging.Codecs.Jpeg2000;
using PacsNode.Dicom.IO;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Tests.Imaging.Jpeg2000;

/// <summary>
/// Packed packet headers (T.800 A.7.4 PPM, A.7.5 PPT), which opj_compress does not write: an OpenJPEG codestream is
/// rewritten with every packet header moved out of the packet data, into the main header (PPM) or each tile-part
/// header (PPT), and must still decode to the original pixels.
/// </summary>
[Trait("Category", "Interop")]
public sealed class PackedPacketHeaderTests
{
    [Theory]
    [InlineData("-t 50,40 -n 4 -r 20,5,1 -p RPCL", false)]
    [InlineData("-t 50,40 -n 4 -r 20,5,1 -p RPCL", true)]
    [InlineData("-c [32,32],[16,16] -r 8,1 -M 63", false)]
    [InlineData("-c [32,32],[16,16] -r 8,1 -M 63", true)]
    public async Task Decode_HeadersMovedIntoPpmOrPpt_GivesTheOriginalPixels(string options, bool mainHeader)
    {
        string compress = RequiresTool.OnPath("opj_compress", "libopenjp2-tools");
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory("j2kppm");
        var codec = new Jpeg2000Codec(DicomTransferSyntax.Jpeg2000Lossless);
        foreach (J2kTestImage image in J2kTestImage.All)
        {
            byte[] original = await Jpeg2000OpenJpegTests.CompressAsync(compress, image, options, dir, ct);
            byte[] repacked = Repack(original, mainHeader);
            Assert.True(repacked.AsSpan().IndexOf(mainHeader ? [0xFF, 0x60] : [0xFF, 0x61]) > 0);
            byte[] decoded = new byte[image.Format.FrameLength];
            codec.Decode(repacked, image.Format, decoded);
            Assert.True(image.Native.AsSpan().SequenceEqual(decoded), $"{image} '{options}' with {(mainHeader ? "PPM" : "PPT")}");
        }
    }

    private static byte[] Repack(byte[] codestream, bool mainHeader)
    {
        J2kCodestream parsed = J2kCodestreamReader.Read(codestream);
        var headers = new List<byte[]>();
        var data = new List<byte[]>();
        foreach (J2kTile tile in parsed.Tiles)
        {
            byte[] body = tile.Body.WrittenSpan.ToArray();
            var header = new List<byte>();
            var bodies = new List<byte>();
            var planes = parsed.Siz.Precision.Select(_ => new int[(parsed.Siz.Width - parsed.Siz.X0) * (parsed.Siz.Height - parsed.Siz.Y0)]).ToArray();
            TileDecoder.Decode(parsed, tile, planes, new CodeBlockDecoder(), (headerStart, headerEnd, dataEnd) =>
            {
                header.AddRange(body[headerStart..headerEnd]);
                bodies.AddRange(body[headerEnd..dataEnd]);
            });
            headers.Add([.. header]);
            data.Add([.. bodies]);
        }

        int firstSot = FirstSot(codestream);
        var output = new List<byte>(codestream[..firstSot]);
        if (mainHeader)
        {
            var ppm = new List<byte> { 0 };
            foreach (byte[] header in headers)
            {
                ppm.AddRange(BigEndian32(header.Length));
                ppm.AddRange(header);
            }

            Segment(output, 0xFF60, [.. ppm]);
        }

        for (int t = 0; t < headers.Count; t++)
        {
            var part = new List<byte>();
            if (!mainHeader)
            {
                Segment(part, 0xFF61, [0, .. headers[t]]);
            }

            part.AddRange([0xFF, 0x93]);
            part.AddRange(data[t]);
            byte[] sot = new byte[12];
            BinaryPrimitives.WriteUInt16BigEndian(sot, 0xFF90);
            BinaryPrimitives.WriteUInt16BigEndian(sot.AsSpan(2), 10);
            BinaryPrimitives.WriteUInt16BigEndian(sot.AsSpan(4), (ushort)t);
            BinaryPrimitives.WriteUInt32BigEndian(sot.AsSpan(6), (uint)(12 + part.Count));
            sot[11] = 1;
            output.AddRange(sot);
            output.AddRange(part);
        }

        output.AddRange([0xFF, 0xD9]);
        return [.. output];
    }

    private static void Segment(List<byte> output, int marker, byte[] body)
    {
        Assert.True(body.Length <= 65533, "a packed header segment this test would have to split");
        output.AddRange([(byte)(marker >> 8), (byte)marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
        output.AddRange(body);
    }

    private static byte[] BigEndian32(int value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static int FirstSot(byte[] codestream)
    {
        int at = 2;
        while (BinaryPrimitives.ReadUInt16BigEndian(codestream.AsSpan(at)) != 0xFF90)
        {
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(codestream.AsSpan(at + 2));
        }

        return at;
    }
}
