using PacsNode.Dicom.Network.Dimse;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Dimse;

public sealed class CommandSetTests
{
    [Fact]
    public void CEchoRequest_Encode_MatchesPs37ImplicitLittleEndianByHand()
    {
        byte[] bytes = new CEchoRequest(7, "1.2.840.10008.1.1").ToCommand().Encode();

        Assert.Equal(Convert.FromHexString(
            "00000000" + "04000000" + "38000000" + // (0000,0000) UL 56: the bytes of the group that follow
            "00000200" + "12000000" + "312E322E3834302E31303030382E312E3100" + // (0000,0002) UI, NUL padded to 18
            "00000001" + "02000000" + "3000" + // (0000,0100) Command Field C-ECHO-RQ
            "00001001" + "02000000" + "0700" + // (0000,0110) Message ID 7
            "00000008" + "02000000" + "0101"), bytes); // (0000,0800) no dataset
    }

    [Fact]
    public void CStoreRequest_ThroughBytes_KeepsEveryField()
    {
        var rq = new CStoreRequest(12, "1.2.840.10008.5.1.4.1.1.128", "1.2.3.4.5", DimsePriority.High)
        {
            MoveOriginatorAeTitle = "MOVER",
            MoveOriginatorMessageId = 3,
        };

        var decoded = CommandSet.Decode(new(rq.ToCommand().Encode()));
        var back = CStoreRequest.FromCommand(decoded);

        Assert.Equal(CommandField.CStoreRq, decoded.Field);
        Assert.True(decoded.HasDataset);
        Assert.Equal(rq, back);
    }

    [Fact]
    public void CStoreResponse_LongErrorComment_CutTo64()
    {
        var rsp = new CStoreResponse(1, "1.2", "1.2.3", StoreStatus.OutOfResources) { ErrorComment = new string('x', 100) };

        var back = CStoreResponse.FromCommand(CommandSet.Decode(new(rsp.ToCommand().Encode())));

        Assert.Equal(0xA700, back.Status.Code);
        Assert.Equal(64, back.ErrorComment!.Length);
        Assert.False(CommandSet.Decode(new(rsp.ToCommand().Encode())).HasDataset);
    }

    [Theory]
    [InlineData(0x0000, StatusCategory.Success)]
    [InlineData(0xFF00, StatusCategory.Pending)]
    [InlineData(0xFF01, StatusCategory.Pending)]
    [InlineData(0xFE00, StatusCategory.Cancel)]
    [InlineData(0x0001, StatusCategory.Warning)]
    [InlineData(0x0107, StatusCategory.Warning)]
    [InlineData(0x0116, StatusCategory.Warning)]
    [InlineData(0xB000, StatusCategory.Warning)]
    [InlineData(0xB007, StatusCategory.Warning)]
    [InlineData(0xA700, StatusCategory.Failure)]
    [InlineData(0xA900, StatusCategory.Failure)]
    [InlineData(0xC000, StatusCategory.Failure)]
    [InlineData(0x0122, StatusCategory.Failure)]
    [InlineData(0x0211, StatusCategory.Failure)]
    [InlineData(0x0111, StatusCategory.Failure)]
    public void DicomStatus_Category_FollowsPs37AnnexC(ushort code, StatusCategory expected) =>
        Assert.Equal(expected, new DicomStatus(code).Category);
}
