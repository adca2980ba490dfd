using System.Buffers;
using PacsNode.Dicom.Network.Upper;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Upper;

/// <summary>Each malformed input is refused with the specific A-ABORT reason, or accepted where PS3.8 says to ignore.</summary>
public sealed class PduMalformedTests
{
    [Fact]
    public void TryParse_LengthOf4GB_RefusedFromTheHeaderAlone()
    {
        byte[] header = [0x04, 0, 0xFF, 0xFF, 0xFF, 0xFF];

        var ex = Assert.Throws<UpperLayerProtocolException>(() => Parse(header));

        Assert.Equal(AbortReason.InvalidPduParameterValue, ex.Reason);
        Assert.Contains("4294967295", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_PDataOneByteOverTheMaximum_Refused()
    {
        byte[] header = [0x04, 0, 0, 0, 0x40, 0x01];

        var ex = Assert.Throws<UpperLayerProtocolException>(() => new PduReader(16384).TryParse(
            new ReadOnlySequence<byte>(header), out _, out _, out _));

        Assert.Contains("16385", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_PDataExactlyTheMaximum_WaitsForTheBody()
    {
        byte[] header = [0x04, 0, 0, 0, 0x40, 0x00];

        Assert.False(new PduReader(16384).TryParse(new ReadOnlySequence<byte>(header), out _, out _, out _));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x08)]
    [InlineData(0x47)] // 'G' of an HTTP GET
    public void TryParse_UnknownPduType_RefusedAsUnrecognizedPdu(byte type)
    {
        var ex = Assert.Throws<UpperLayerProtocolException>(() => Parse([type, 0, 0, 0, 0, 4, 0, 0, 0, 0]));

        Assert.Equal(AbortReason.UnrecognizedPdu, ex.Reason);
    }

    [Fact]
    public void TryParse_AssociateRqTruncatedInsideItsFixedFields_Refused()
    {
        byte[] golden = StorescuGolden.Bytes();
        byte[] body = golden[6..40];

        var ex = Assert.Throws<UpperLayerProtocolException>(() => Parse(PduTestHelpers.WithHeader(0x01, body)));

        Assert.Equal(AbortReason.InvalidPduParameterValue, ex.Reason);
    }

    [Fact]
    public void TryParse_ItemLengthPastPduEnd_Refused()
    {
        byte[] bytes = StorescuGolden.Bytes();
        bytes[0x4D] = 0x40; // application context item length 21 -> 0x40 (64): still inside the PDU
        bytes[0x4C] = 0x10; // -> 0x1040 = 4160 bytes: past the PDU end

        var ex = Assert.Throws<UpperLayerProtocolException>(() => Parse(bytes));

        Assert.Equal(AbortReason.InvalidPduParameterValue, ex.Reason);
        Assert.Contains("4160", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NestedSubItemPastItsContext_Refused()
    {
        byte[] bytes = StorescuGolden.Bytes();
        int context = Array.IndexOf(bytes, (byte)0x20, 0x4A);
        bytes[context + 8 + 3] = 0x3F; // abstract syntax sub-item says 63 bytes; its context holds 60 in all

        var ex = Assert.Throws<UpperLayerProtocolException>(() => Parse(bytes));

        Assert.Contains("presentation context item", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_PduTruncatedBeforeItsLength_WaitsForMore()
    {
        byte[] bytes = StorescuGolden.Bytes()[..200];

        Assert.False(new PduReader(16384).TryParse(new ReadOnlySequence<byte>(bytes), out _, out _, out _));
    }

    [Fact]
    public void TryParse_UnknownItemTypes_SkippedAsPs38Section931Says()
    {
        byte[] golden = StorescuGolden.Bytes();
        byte[] unknownTop = [0x7E, 0, 0, 2, 0xAB, 0xCD];
        byte[] unknownUserSub = [0x5F, 0, 0, 1, 0xEE];
        byte[] body = [.. golden[6..], .. unknownTop];
        byte[] withUserSub = [.. golden[6..], .. unknownUserSub];
        int userInfo = golden.Length - 6 - 62; // the user information item (4 + 58 bytes) ends the golden PDU
        Assert.Equal(0x50, withUserSub[userInfo]);
        withUserSub[userInfo + 3] = (byte)(58 + unknownUserSub.Length);

        var rq1 = Assert.IsType<AAssociateRqPdu>(Parse(PduTestHelpers.WithHeader(0x01, body)));
        var rq2 = Assert.IsType<AAssociateRqPdu>(Parse(PduTestHelpers.WithHeader(0x01, withUserSub)));

        Assert.Equal(2, rq1.PresentationContexts.Count);
        Assert.Equal(StorescuGolden.DcmtkVersion, rq2.UserInformation.ImplementationVersionName);
    }

    [Fact]
    public void TryParse_MaximumLengthSubItemOfWrongSize_Refused()
    {
        byte[] bytes = StorescuGolden.Bytes();
        int max = Array.IndexOf(bytes, (byte)0x51, bytes.Length - 58);
        bytes[max + 3] = 2; // length 2 where PS3.8 D.1 fixes 4; the next sub-item is then misaligned but in bounds

        var ex = Assert.Throws<UpperLayerProtocolException>(() => Parse(bytes));

        Assert.Contains("must be 4 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WrongProtocolVersion_ParsedForTheNegotiatorToReject()
    {
        byte[] bytes = StorescuGolden.Bytes();
        bytes[7] = 0x02; // version 2: only bit 0 (version 1) is defined

        var rq = Assert.IsType<AAssociateRqPdu>(Parse(bytes));

        Assert.Equal(2, rq.ProtocolVersion);
    }

    [Fact]
    public void TryParse_PresentationContextWithoutTransferSyntax_Refused()
    {
        var rq = new AAssociateRqPdu("A", "B", [new PresentationContextRequest(1, "1.2", [])], new UserInformation());

        var ex = Assert.Throws<UpperLayerProtocolException>(() => Parse(PduWriter.ToArray(rq)));

        Assert.Contains("transfer syntax", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ReleaseWithFiveByteBody_Refused()
    {
        var ex = Assert.Throws<UpperLayerProtocolException>(() => Parse(PduTestHelpers.WithHeader(0x05, new byte[5])));

        Assert.Contains("4-byte body", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 1, 1 })] // PDV length 1: no room for id and header
    [InlineData(new byte[] { 0, 0, 0, 9, 1, 3, 0 })] // PDV length 9 with 3 bytes left
    [InlineData(new byte[] { 0, 0, 0 })] // truncated PDV length field
    [InlineData(new byte[] { })] // no PDV at all
    public void TryParse_MalformedPDataItems_Refused(byte[] body)
    {
        var ex = Assert.Throws<UpperLayerProtocolException>(() => Parse(PduTestHelpers.WithHeader(0x04, body)));

        Assert.Equal(AbortReason.InvalidPduParameterValue, ex.Reason);
    }

    private static Pdu? Parse(byte[] bytes)
    {
        return new PduReader(1 << 20).TryParse(new ReadOnlySequence<byte>(bytes), out _, out _, out Pdu? pdu) ? pdu : null;
    }
}
