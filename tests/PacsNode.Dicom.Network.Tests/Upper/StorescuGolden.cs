using System.Text;

namespace PacsNode.Dicom.Network.Tests.Upper;

/// <summary>
/// The A-ASSOCIATE-RQ that DCMTK 3.6.7's <c>storescu -R -aet STORESCU -aec ANY-SCP</c> sends for one RT Structure
/// Set stored in implicit VR little endian, built by hand from PS3.8 tables 9-11 to 9-16 and PS3.7 D.3.3. The
/// interop test StorescuRequest_CapturedFromDcmtk_EqualsGolden checks it against the bytes storescu really sends.
/// </summary>
internal static class StorescuGolden
{
    public const string RtStructureSetStorage = "1.2.840.10008.5.1.4.1.1.481.3";
    public const string ExplicitLittle = "1.2.840.10008.1.2.1";
    public const string ExplicitBig = "1.2.840.10008.1.2.2";
    public const string ImplicitLittle = "1.2.840.10008.1.2";
    public const string DcmtkClassUid = "1.2.276.0.7230010.3.0.3.6.7";
    public const string DcmtkVersion = "OFFIS_DCMTK_367";

    /// <summary>The PDU as DCMTK sends it: it writes 0xFF into the third (reserved) byte of each context item.</summary>
    public static byte[] Bytes(byte contextReserved = 0xFF)
    {
        var b = new List<byte>();
        b.AddRange([0x01, 0x00, 0x00, 0x00, 0x01, 0x30]); // type 01, reserved, PDU length 0x130 = 304
        b.AddRange([0x00, 0x01, 0x00, 0x00]); // protocol version 1, reserved
        b.AddRange(Ascii("ANY-SCP         ")); // called AE, 16 bytes space padded
        b.AddRange(Ascii("STORESCU        ")); // calling AE
        b.AddRange(new byte[32]); // reserved
        b.AddRange([0x10, 0x00, 0x00, 0x15]); // application context item, length 21
        b.AddRange(Ascii("1.2.840.10008.3.1.1.1"));
        b.AddRange([0x20, 0x00, 0x00, 0x3C, 0x01, 0x00, contextReserved, 0x00]); // context 1, item length 60
        b.AddRange([0x30, 0x00, 0x00, 0x1D]); // abstract syntax, 29
        b.AddRange(Ascii(RtStructureSetStorage));
        b.AddRange([0x40, 0x00, 0x00, 0x13]); // transfer syntax, 19
        b.AddRange(Ascii(ExplicitLittle));
        b.AddRange([0x20, 0x00, 0x00, 0x51, 0x03, 0x00, contextReserved, 0x00]); // context 3, item length 81
        b.AddRange([0x30, 0x00, 0x00, 0x1D]);
        b.AddRange(Ascii(RtStructureSetStorage));
        b.AddRange([0x40, 0x00, 0x00, 0x13]);
        b.AddRange(Ascii(ExplicitBig));
        b.AddRange([0x40, 0x00, 0x00, 0x11]); // transfer syntax, 17
        b.AddRange(Ascii(ImplicitLittle));
        b.AddRange([0x50, 0x00, 0x00, 0x3A]); // user information, 58
        b.AddRange([0x51, 0x00, 0x00, 0x04, 0x00, 0x00, 0x40, 0x00]); // maximum length 16384
        b.AddRange([0x52, 0x00, 0x00, 0x1B]); // implementation class UID, 27
        b.AddRange(Ascii(DcmtkClassUid));
        b.AddRange([0x55, 0x00, 0x00, 0x0F]); // implementation version name, 15
        b.AddRange(Ascii(DcmtkVersion));
        return [.. b];
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
}
