using PacsNode.Dicom.Network.Upper;
using Xunit;

namespace PacsNode.Dicom.Network.Tests.Upper;

public sealed class AssociationNegotiatorTests
{
    private const string Verification = "1.2.840.10008.1.1";
    private const string CtStorage = "1.2.840.10008.5.1.4.1.1.2";
    private const string PetStorage = "1.2.840.10008.5.1.4.1.1.128";
    private const string Explicit = "1.2.840.10008.1.2.1";
    private const string Implicit = "1.2.840.10008.1.2";
    private const string Jpeg = "1.2.840.10008.1.2.4.50";

    private static readonly AcceptorPolicy Policy = new()
    {
        AeTitle = "PACSNODE",
        AllowedCallingAeTitles = new HashSet<string>(StringComparer.Ordinal) { "SCANNER", "VIEWER" },
        AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [Verification] = [Implicit],
            [CtStorage] = [Explicit, Implicit],
        },
        MaxPduLength = 32768,
    };

    [Fact]
    public void Negotiate_TransferSyntaxChoice_FollowsOurPreferenceNotTheRequestors()
    {
        NegotiationOutcome outcome = AssociationNegotiator.Negotiate(Request(Context(1, CtStorage, Implicit, Explicit)), Policy);

        PresentationContextResult result = Assert.Single(outcome.Accept!.PresentationContexts);
        Assert.Equal((PresentationContextResultReason.Acceptance, Explicit), (result.Result, result.TransferSyntax));
        Assert.Equal(Explicit, outcome.Parameters!.PresentationContexts[1].TransferSyntax);
    }

    [Fact]
    public void Negotiate_UnknownAbstractSyntax_RefusedWithReason3()
    {
        NegotiationOutcome outcome = AssociationNegotiator.Negotiate(
            Request(Context(1, PetStorage, Explicit), Context(3, Verification, Implicit)), Policy);

        Assert.Equal(PresentationContextResultReason.AbstractSyntaxNotSupported, outcome.Accept!.PresentationContexts[0].Result);
        Assert.True(outcome.Accept.PresentationContexts[1].IsAccepted);
        Assert.Equal([(byte)3], outcome.Parameters!.PresentationContexts.Keys);
    }

    [Fact]
    public void Negotiate_NoCommonTransferSyntax_RefusedWithReason4()
    {
        NegotiationOutcome outcome = AssociationNegotiator.Negotiate(Request(Context(1, CtStorage, Jpeg)), Policy);

        Assert.Equal(PresentationContextResultReason.TransferSyntaxesNotSupported, outcome.Accept!.PresentationContexts[0].Result);
        Assert.Empty(outcome.Parameters!.PresentationContexts);
    }

    [Fact]
    public void Negotiate_EvenContextId_UserRejection()
    {
        NegotiationOutcome outcome = AssociationNegotiator.Negotiate(Request(Context(2, CtStorage, Explicit)), Policy);

        Assert.Equal(PresentationContextResultReason.UserRejection, outcome.Accept!.PresentationContexts[0].Result);
    }

    [Fact]
    public void Negotiate_CalledAeNotOurs_RejectedPermanentServiceUserReason7()
    {
        NegotiationOutcome outcome = AssociationNegotiator.Negotiate(Request(Context(1, Verification, Implicit), called: "OTHER"), Policy);

        AssertRejected(outcome, RejectSource.ServiceUser, 7);
    }

    [Fact]
    public void Negotiate_CallingAeNotAllowed_RejectedPermanentServiceUserReason3()
    {
        NegotiationOutcome outcome = AssociationNegotiator.Negotiate(Request(Context(1, Verification, Implicit), calling: "INTRUDER"), Policy);

        AssertRejected(outcome, RejectSource.ServiceUser, 3);
    }

    [Fact]
    public void Negotiate_AnyCallingAeWhenNoList_Accepted()
    {
        NegotiationOutcome outcome = AssociationNegotiator.Negotiate(
            Request(Context(1, Verification, Implicit), calling: "INTRUDER"), Policy with { AllowedCallingAeTitles = null });

        Assert.True(outcome.IsAccepted);
        Assert.Equal("INTRUDER", outcome.Parameters!.CallingAeTitle);
    }

    [Fact]
    public void Negotiate_ForeignApplicationContext_RejectedServiceUserReason2()
    {
        AAssociateRqPdu rq = Request(Context(1, Verification, Implicit));
        var foreign = new AAssociateRqPdu(rq.CalledAeTitle, rq.CallingAeTitle, rq.PresentationContexts, rq.UserInformation)
        {
            ApplicationContextName = "1.2.3.4",
        };

        AssertRejected(AssociationNegotiator.Negotiate(foreign, Policy), RejectSource.ServiceUser, 2);
    }

    [Fact]
    public void Negotiate_ProtocolVersionWithoutBit0_RejectedAcseProviderReason2()
    {
        AAssociateRqPdu rq = Request(Context(1, Verification, Implicit));
        var v2 = new AAssociateRqPdu(rq.CalledAeTitle, rq.CallingAeTitle, rq.PresentationContexts, rq.UserInformation)
        {
            ProtocolVersion = 2,
        };

        AssertRejected(AssociationNegotiator.Negotiate(v2, Policy), RejectSource.ServiceProviderAcse, 2);
    }

    [Fact]
    public void Negotiate_MaxPduBothWays_AnnouncedAndRecorded()
    {
        NegotiationOutcome outcome = AssociationNegotiator.Negotiate(Request(Context(1, Verification, Implicit)), Policy);

        Assert.Equal(32768u, outcome.Accept!.UserInformation.MaximumLength);
        Assert.Equal(16384u, outcome.Parameters!.PeerMaxPduLength);
        Assert.Equal(32768u, outcome.Parameters.OurMaxPduLength);
        Assert.Equal("PACSNODE", outcome.Accept.CalledAeTitle);
        Assert.NotNull(outcome.Accept.UserInformation.ImplementationClassUid);
    }

    [Fact]
    public void Negotiate_RoleSelectionForAcceptedClass_EchoedOnlyWhenPolicyAllows()
    {
        var roles = new UserInformation { MaximumLength = 0, RoleSelections = [new RoleSelection(CtStorage, false, true), new RoleSelection(PetStorage, false, true)] };
        AAssociateRqPdu rq = Request(Context(1, CtStorage, Explicit), info: roles);

        NegotiationOutcome echoed = AssociationNegotiator.Negotiate(rq, Policy);
        NegotiationOutcome refused = AssociationNegotiator.Negotiate(rq, Policy with { AcceptProposedRoles = false });

        Assert.Equal(new RoleSelection(CtStorage, false, true), Assert.Single(echoed.Accept!.UserInformation.RoleSelections));
        Assert.Empty(refused.Accept!.UserInformation.RoleSelections);
        Assert.Equal(0u, echoed.Parameters!.PeerMaxPduLength);
    }

    [Fact]
    public void Negotiate_AsynchronousWindowProposed_AnsweredOneOperationEachWay()
    {
        var proposed = new UserInformation { MaximumLength = 0, AsynchronousOperationsWindow = new AsynchronousOperationsWindow(0, 5) };

        NegotiationOutcome outcome = AssociationNegotiator.Negotiate(Request(Context(1, CtStorage, Explicit), info: proposed), Policy);
        NegotiationOutcome silent = AssociationNegotiator.Negotiate(Request(Context(1, CtStorage, Explicit)), Policy);

        Assert.Equal(new AsynchronousOperationsWindow(1, 1), outcome.Accept!.UserInformation.AsynchronousOperationsWindow);
        Assert.Null(silent.Accept!.UserInformation.AsynchronousOperationsWindow);
    }

    [Fact]
    public void Negotiate_UserIdentity_AcceptedWithEmptyResponseOrRejected()
    {
        var good = new UserInformation { UserIdentity = new UserIdentityRequest(UserIdentityType.Username, true, "alice"u8.ToArray(), default) };
        var bad = new UserInformation { UserIdentity = new UserIdentityRequest(UserIdentityType.Username, true, "mallory"u8.ToArray(), default) };
        AcceptorPolicy policy = Policy with { UserIdentityValidator = id => id.PrimaryField.Span.SequenceEqual("alice"u8) };

        NegotiationOutcome accepted = AssociationNegotiator.Negotiate(Request(Context(1, Verification, Implicit), info: good), policy);
        NegotiationOutcome rejected = AssociationNegotiator.Negotiate(Request(Context(1, Verification, Implicit), info: bad), policy);
        NegotiationOutcome missing = AssociationNegotiator.Negotiate(Request(Context(1, Verification, Implicit)),
            policy with { RequireUserIdentity = true });

        Assert.Equal(0, accepted.Accept!.UserInformation.UserIdentityServerResponse!.Value.Length);
        AssertRejected(rejected, RejectSource.ServiceUser, 1);
        AssertRejected(missing, RejectSource.ServiceUser, 1);
    }

    [Fact]
    public void Negotiate_UserIdentityWithoutValidator_IgnoredAndNoResponse()
    {
        var info = new UserInformation { UserIdentity = new UserIdentityRequest(UserIdentityType.Username, true, "x"u8.ToArray(), default) };

        NegotiationOutcome outcome = AssociationNegotiator.Negotiate(Request(Context(1, Verification, Implicit), info: info), Policy);

        Assert.True(outcome.IsAccepted);
        Assert.Null(outcome.Accept!.UserInformation.UserIdentityServerResponse);
    }

    [Fact]
    public void Negotiate_NoFreeSlot_RejectedTransientlyLocalLimitExceeded()
    {
        NegotiationOutcome outcome = AssociationNegotiator.Negotiate(Request(Context(1, Verification, Implicit)),
            Policy with { TryReserveSlot = () => false });

        Assert.Equal((RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.PresentationLocalLimitExceeded),
            (outcome.Reject!.Result, outcome.Reject.Source, outcome.Reject.Reason));
    }

    [Fact]
    public void Negotiate_OtherwiseRejected_NeverTakesASlot()
    {
        int asked = 0;

        AssociationNegotiator.Negotiate(Request(Context(1, Verification, Implicit), called: "OTHER"),
            Policy with { TryReserveSlot = () => ++asked > 0 });

        Assert.Equal(0, asked);
    }

    private static void AssertRejected(NegotiationOutcome outcome, RejectSource source, byte reason)
    {
        Assert.False(outcome.IsAccepted);
        Assert.Equal((RejectResult.Permanent, source, reason), (outcome.Reject!.Result, outcome.Reject.Source, outcome.Reject.Reason));
        Assert.Same(outcome.Reject, outcome.Response);
    }

    private static PresentationContextRequest Context(byte id, string abstractSyntax, params string[] syntaxes) =>
        new(id, abstractSyntax, syntaxes);

    private static AAssociateRqPdu Request(
        PresentationContextRequest context, string called = "PACSNODE", string calling = "SCANNER", UserInformation? info = null) =>
        new(called, calling, [context], info ?? new UserInformation { MaximumLength = 16384 });

    private static AAssociateRqPdu Request(PresentationContextRequest a, PresentationContextRequest b) =>
        new("PACSNODE", "SCANNER", [a, b], new UserInformation { MaximumLength = 16384 });
}
