using PacsNode.Dicom.Network.Upper;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Upper;

public sealed class PduGoldenTests
{
    [Fact]
    public void AAssociateRq_StorescuGolden_ParsesEveryField()
    {
        var rq = Assert.IsType<AAssociateRqPdu>(PduTestHelpers.ParseOne(StorescuGolden.Bytes()));

        Assert.Equal(1, rq.ProtocolVersion);
        Assert.Equal("ANY-SCP", rq.CalledAeTitle);
        Assert.Equal("STORESCU", rq.CallingAeTitle);
        Assert.Equal("1.2.840.10008.3.1.1.1", rq.ApplicationContextName);
        Assert.Equal(2, rq.PresentationContexts.Count);
        Assert.Equal(1, rq.PresentationContexts[0].Id);
        Assert.Equal(StorescuGolden.RtStructureSetStorage, rq.PresentationContexts[0].AbstractSyntax);
        Assert.Equal([StorescuGolden.ExplicitLittle], rq.PresentationContexts[0].TransferSyntaxes);
        Assert.Equal(3, rq.PresentationContexts[1].Id);
        Assert.Equal([StorescuGolden.ExplicitBig, StorescuGolden.ImplicitLittle], rq.PresentationContexts[1].TransferSyntaxes);
        Assert.Equal(16384u, rq.UserInformation.MaximumLength);
        Assert.Equal(StorescuGolden.DcmtkClassUid, rq.UserInformation.ImplementationClassUid);
        Assert.Equal(StorescuGolden.DcmtkVersion, rq.UserInformation.ImplementationVersionName);
        Assert.Null(rq.UserInformation.AsynchronousOperationsWindow);
        Assert.Empty(rq.UserInformation.RoleSelections);
    }

    [Fact]
    public void AAssociateRq_WrittenLikeStorescu_IsByteExactWithReservedBytesZero()
    {
        var rq = new AAssociateRqPdu("ANY-SCP", "STORESCU",
            [
                new PresentationContextRequest(1, StorescuGolden.RtStructureSetStorage, [StorescuGolden.ExplicitLittle]),
                new PresentationContextRequest(3, StorescuGolden.RtStructureSetStorage,
                    [StorescuGolden.ExplicitBig, StorescuGolden.ImplicitLittle]),
            ],
            new UserInformation
            {
                MaximumLength = 16384,
                ImplementationClassUid = StorescuGolden.DcmtkClassUid,
                ImplementationVersionName = StorescuGolden.DcmtkVersion,
            });

        // PS3.8 9.3.1: reserved fields are sent as zero; DCMTK's 0xFF there differs in that byte only.
        Assert.Equal(StorescuGolden.Bytes(contextReserved: 0x00), PduWriter.ToArray(rq));
    }

    [Fact]
    public void AAssociateRj_CalledAeNotRecognized_EncodesTable921Fields()
    {
        var rj = new AAssociateRjPdu(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.UserCalledAeTitleNotRecognized);

        // type 03, reserved, length 4, reserved, result 1 (permanent), source 1 (service user), reason 7.
        Assert.Equal(new byte[] { 0x03, 0, 0, 0, 0, 4, 0, 1, 1, 7 }, PduWriter.ToArray(rj));
    }

    [Fact]
    public void AAbort_ProviderUnexpectedPdu_EncodesTable926Fields()
    {
        var abort = new AAbortPdu(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu);

        Assert.Equal(new byte[] { 0x07, 0, 0, 0, 0, 4, 0, 0, 2, 2 }, PduWriter.ToArray(abort));
    }

    [Fact]
    public void AReleaseRqAndRp_Encode_TenBytesWithReservedZero()
    {
        Assert.Equal(new byte[] { 0x05, 0, 0, 0, 0, 4, 0, 0, 0, 0 }, PduWriter.ToArray(AReleaseRqPdu.Instance));
        Assert.Equal(new byte[] { 0x06, 0, 0, 0, 0, 4, 0, 0, 0, 0 }, PduWriter.ToArray(AReleaseRpPdu.Instance));
    }

    [Fact]
    public void PDataTf_LastCommandFragment_EncodesAnnexE2Header()
    {
        var pdata = new PDataTfPdu([new PresentationDataValue(5, IsCommand: true, IsLast: true, new byte[] { 0xAA, 0xBB })]);

        // type 04, length 8; PDV item length 4 (id + header + 2 data bytes), context 5, header 0b11, data.
        Assert.Equal(new byte[] { 0x04, 0, 0, 0, 0, 8, 0, 0, 0, 4, 5, 3, 0xAA, 0xBB }, PduWriter.ToArray(pdata));
    }
}
