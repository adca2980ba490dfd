using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Dimse;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Dimse;

/// <summary>C-FIND, C-MOVE, C-GET and C-CANCEL command sets against bytes written by hand from PS3.7 Annex E.</summary>
public sealed class QueryRetrieveMessageTests
{
    private const string StudyRootFindHex = "312E322E3834302E31303030382E352E312E342E312E322E322E3100"; // "1.2.840.10008.5.1.4.1.2.2.1\0"
    private const string StudyRootMoveHex = "312E322E3834302E31303030382E352E312E342E312E322E322E3200"; // "...2.2.2\0"

    [Fact]
    public void CFindRequest_Encode_MatchesPs37ByHand()
    {
        byte[] bytes = new CFindRequest(9, DicomUid.StudyRootQueryRetrieveInformationModelFind).ToCommand().Encode();

        Assert.Equal(Convert.FromHexString(
            "00000000" + "04000000" + "4C000000" + // group length 76 = (8 + 28) + 4 * 10
            "00000200" + "1C000000" + StudyRootFindHex +
            "00000001" + "02000000" + "2000" + // C-FIND-RQ
            "00001001" + "02000000" + "0900" + // Message ID 9
            "00000007" + "02000000" + "0000" + // Priority medium
            "00000008" + "02000000" + "0000"), bytes); // a dataset (the identifier) follows
    }

    [Fact]
    public void CCancelRequest_Encode_MatchesPs37ByHand()
    {
        byte[] bytes = new CCancelRequest(9).ToCommand().Encode();

        Assert.Equal(Convert.FromHexString(
            "00000000" + "04000000" + "1E000000" + // 3 * 10
            "00000001" + "02000000" + "FF0F" + // C-CANCEL-RQ
            "00002001" + "02000000" + "0900" + // Message ID Being Responded To
            "00000008" + "02000000" + "0101"), bytes);
    }

    [Fact]
    public void CMoveResponse_DecodePendingByHand_CountsAndStatus()
    {
        byte[] bytes = Convert.FromHexString(
            "00000000" + "04000000" + "74000000" + // 36 + 8 * 10
            "00000200" + "1C000000" + StudyRootMoveHex +
            "00000001" + "02000000" + "2180" + // C-MOVE-RSP
            "00002001" + "02000000" + "0500" +
            "00000008" + "02000000" + "0101" +
            "00000009" + "02000000" + "00FF" + // FF00 pending
            "00002010" + "02000000" + "0300" + // remaining 3
            "00002110" + "02000000" + "0100" + // completed 1
            "00002210" + "02000000" + "0200" + // failed 2
            "00002310" + "02000000" + "0400"); // warning 4

        var rsp = CMoveResponse.FromCommand(CommandSet.Decode(new(bytes)));

        Assert.Equal(5, rsp.MessageIdBeingRespondedTo);
        Assert.Equal(DicomUid.StudyRootQueryRetrieveInformationModelMove, rsp.AffectedSopClassUid);
        Assert.Equal(QueryRetrieveStatus.Pending, rsp.Status);
        Assert.Equal(new SubOperationCounts(3, 1, 2, 4), rsp.Counts);
        Assert.False(rsp.HasIdentifier);
    }

    [Fact]
    public void CMoveRequest_ThroughBytes_KeepsMoveDestination()
    {
        var rq = new CMoveRequest(4, DicomUid.PatientRootQueryRetrieveInformationModelMove, "STORESCP", DimsePriority.High);

        var decoded = CommandSet.Decode(new(rq.ToCommand().Encode()));

        Assert.Equal(CommandField.CMoveRq, decoded.Field);
        Assert.True(decoded.HasDataset);
        Assert.Equal(rq, CMoveRequest.FromCommand(decoded));
    }

    [Fact]
    public void CGetResponse_FinalWithFailures_NoRemainingAndAnIdentifier()
    {
        var rsp = new CGetResponse(2, DicomUid.StudyRootQueryRetrieveInformationModelGet,
            QueryRetrieveStatus.SubOperationsCompleteWithFailures, new SubOperationCounts(null, 3, 1, 0))
        {
            HasIdentifier = true,
        };

        var decoded = CommandSet.Decode(new(rsp.ToCommand().Encode()));
        var back = CGetResponse.FromCommand(decoded);

        Assert.Equal(CommandField.CGetRsp, decoded.Field);
        Assert.False(decoded.Dataset.Contains(DicomTag.NumberOfRemainingSuboperations));
        Assert.Equal(rsp with { ErrorComment = null }, back);
        Assert.Equal(StatusCategory.Warning, back.Status.Category);
    }

    [Fact]
    public void CFindResponse_FailureWithOffendingElements_EncodedAsAttributeTags()
    {
        var rsp = new CFindResponse(1, DicomUid.StudyRootQueryRetrieveInformationModelFind, QueryRetrieveStatus.IdentifierDoesNotMatchSopClass)
        {
            OffendingElements = [DicomTag.PatientID, DicomTag.QueryRetrieveLevel],
            ErrorComment = "bad level",
        };

        byte[] bytes = rsp.ToCommand().Encode();
        var back = CFindResponse.FromCommand(CommandSet.Decode(new(bytes)));

        // (0000,0901) AT, 8 bytes: (0010,0020) then (0008,0052), each group and element little endian.
        Assert.Contains(Convert.ToHexString(Convert.FromHexString("00000109" + "08000000" + "10002000" + "08005200")),
            Convert.ToHexString(bytes), StringComparison.Ordinal);
        Assert.Equal([DicomTag.PatientID, DicomTag.QueryRetrieveLevel], back.OffendingElements);
        Assert.Equal("bad level", back.ErrorComment);
        Assert.False(back.HasIdentifier);
    }

    [Fact]
    public void CFindResponse_Pending_CarriesAnIdentifier()
    {
        var rsp = new CFindResponse(1, DicomUid.PatientRootQueryRetrieveInformationModelFind, QueryRetrieveStatus.PendingOptionalKeysNotSupported);

        Assert.True(CommandSet.Decode(new(rsp.ToCommand().Encode())).HasDataset);
    }

    [Theory]
    [InlineData(0xFF01, StatusCategory.Pending)]
    [InlineData(0xFE00, StatusCategory.Cancel)]
    [InlineData(0xA701, StatusCategory.Failure)]
    [InlineData(0xA702, StatusCategory.Failure)]
    [InlineData(0xA801, StatusCategory.Failure)]
    [InlineData(0xA900, StatusCategory.Failure)]
    [InlineData(0xC000, StatusCategory.Failure)]
    [InlineData(0xB000, StatusCategory.Warning)]
    public void QueryRetrieveStatus_Category_FollowsPs34TablesC4(ushort code, StatusCategory expected)
    {
        DicomStatus[] catalogue =
        [
            QueryRetrieveStatus.PendingOptionalKeysNotSupported, QueryRetrieveStatus.Cancel,
            QueryRetrieveStatus.OutOfResourcesNumberOfMatches, QueryRetrieveStatus.OutOfResourcesSubOperations,
            QueryRetrieveStatus.MoveDestinationUnknown, QueryRetrieveStatus.IdentifierDoesNotMatchSopClass,
            QueryRetrieveStatus.UnableToProcess, QueryRetrieveStatus.SubOperationsCompleteWithFailures,
        ];

        Assert.Contains(new DicomStatus(code), catalogue);
        Assert.Equal(expected, new DicomStatus(code).Category);
    }
}
