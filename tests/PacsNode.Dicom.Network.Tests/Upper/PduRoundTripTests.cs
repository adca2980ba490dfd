using System.Buffers;
using PacsNode.Dicom.Network.Upper;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Upper;

public sealed class PduRoundTripTests
{
    [Fact]
    public void AAssociateRq_EveryUserInformationSubItem_RoundTrips()
    {
        var rq = new AAssociateRqPdu("PACSNODE", "MODALITY",
            [new PresentationContextRequest(1, "1.2.840.10008.5.1.4.1.1.128", ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"])],
            new UserInformation
            {
                MaximumLength = 65536,
                ImplementationClassUid = "1.2.3.4",
                ImplementationVersionName = "PN_1",
                AsynchronousOperationsWindow = new AsynchronousOperationsWindow(3, 0),
                RoleSelections = [new RoleSelection("1.2.840.10008.5.1.4.1.1.128", true, true)],
                ExtendedNegotiations = [new ExtendedNegotiation("1.2.840.10008.5.1.4.1.2.2.1", new byte[] { 1, 0, 1 })],
                CommonExtendedNegotiations =
                    [new CommonExtendedNegotiation("1.2.3.9", "1.2.840.10008.4.2", ["1.2.3.10", "1.2.3.11"])],
                UserIdentity = new UserIdentityRequest(UserIdentityType.UsernameAndPasscode, true, "alice"u8.ToArray(),
                    "secret"u8.ToArray()),
            });

        AAssociateRqPdu back = PduTestHelpers.RoundTrip(rq);

        UserInformation info = back.UserInformation;
        Assert.Equal(65536u, info.MaximumLength);
        Assert.Equal(new AsynchronousOperationsWindow(3, 0), info.AsynchronousOperationsWindow);
        Assert.Equal(new RoleSelection("1.2.840.10008.5.1.4.1.1.128", true, true), Assert.Single(info.RoleSelections));
        Assert.Equal(new byte[] { 1, 0, 1 }, Assert.Single(info.ExtendedNegotiations).ServiceClassApplicationInformation.ToArray());
        Assert.Equal(["1.2.3.10", "1.2.3.11"], Assert.Single(info.CommonExtendedNegotiations).RelatedGeneralSopClassUids);
        Assert.Equal(UserIdentityType.UsernameAndPasscode, info.UserIdentity!.Type);
        Assert.True(info.UserIdentity.PositiveResponseRequested);
        Assert.Equal("alice"u8.ToArray(), info.UserIdentity.PrimaryField.ToArray());
        Assert.Equal("secret"u8.ToArray(), info.UserIdentity.SecondaryField.ToArray());
    }

    [Fact]
    public void AAssociateAc_ResultsAndServerResponse_RoundTrip()
    {
        var ac = new AAssociateAcPdu("PACSNODE", "MODALITY",
            [
                new PresentationContextResult(1, PresentationContextResultReason.Acceptance, "1.2.840.10008.1.2.1"),
                new PresentationContextResult(3, PresentationContextResultReason.AbstractSyntaxNotSupported, "1.2.840.10008.1.2"),
            ],
            new UserInformation { MaximumLength = 0, ImplementationClassUid = "1.2.3", UserIdentityServerResponse = new byte[] { 9 } });

        AAssociateAcPdu back = PduTestHelpers.RoundTrip(ac);

        Assert.True(back.PresentationContexts[0].IsAccepted);
        Assert.Equal(PresentationContextResultReason.AbstractSyntaxNotSupported, back.PresentationContexts[1].Result);
        Assert.Equal(0u, back.UserInformation.MaximumLength);
        Assert.Equal(new byte[] { 9 }, back.UserInformation.UserIdentityServerResponse!.Value.ToArray());
    }

    [Fact]
    public void ControlPdus_RoundTrip_KeepTheirFields()
    {
        AAssociateRjPdu rj = PduTestHelpers.RoundTrip(
            new AAssociateRjPdu(RejectResult.Transient, RejectSource.ServiceProviderAcse, RejectReason.AcseProtocolVersionNotSupported));
        AAbortPdu abort = PduTestHelpers.RoundTrip(new AAbortPdu(AbortSource.ServiceUser, AbortReason.NotSpecified));

        Assert.Equal((RejectResult.Transient, RejectSource.ServiceProviderAcse, (byte)2), (rj.Result, rj.Source, rj.Reason));
        Assert.Equal((AbortSource.ServiceUser, AbortReason.NotSpecified), (abort.Source, abort.Reason));
        Assert.IsType<AReleaseRqPdu>(PduTestHelpers.RoundTrip(AReleaseRqPdu.Instance));
        Assert.IsType<AReleaseRpPdu>(PduTestHelpers.RoundTrip(AReleaseRpPdu.Instance));
    }

    [Fact]
    public void PDataTf_SeveralValues_RoundTripWithFlags()
    {
        PDataTfPdu back = PduTestHelpers.RoundTrip(new PDataTfPdu(
        [
            new PresentationDataValue(1, true, true, new byte[] { 1, 2, 3 }),
            new PresentationDataValue(1, false, false, new byte[] { 4 }),
            new PresentationDataValue(3, false, true, Array.Empty<byte>()),
        ]));

        Assert.Equal([(true, true, 3), (false, false, 1), (false, true, 0)],
            back.Values.Select(v => (v.IsCommand, v.IsLast, v.Data.Length)));
        Assert.Equal(3, back.Values[2].PresentationContextId);
    }

    [Fact]
    public void TryParse_BytesArriveOneAtATime_WaitsThenParsesAndReportsPositions()
    {
        byte[] bytes = [.. PduWriter.ToArray(AReleaseRqPdu.Instance), .. PduWriter.ToArray(AReleaseRpPdu.Instance)];
        var reader = new PduReader(16384);

        for (int n = 0; n < 10; n++)
        {
            var partial = new ReadOnlySequence<byte>(bytes, 0, n);
            Assert.False(reader.TryParse(partial, out SequencePosition consumed, out SequencePosition examined, out _));
            Assert.Equal(partial.Start, consumed);
            Assert.Equal(partial.End, examined);
        }

        var both = new ReadOnlySequence<byte>(bytes);
        Assert.True(reader.TryParse(both, out SequencePosition first, out _, out Pdu? pdu));
        Assert.IsType<AReleaseRqPdu>(pdu);
        Assert.Equal(10, both.Slice(0, first).Length);
        Assert.True(reader.TryParse(both.Slice(first), out _, out _, out pdu));
        Assert.IsType<AReleaseRpPdu>(pdu);
    }
}
