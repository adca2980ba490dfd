namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// Answers an A-ASSOCIATE-RQ under an <see cref="AcceptorPolicy"/> (PS3.8 7.1 and 9.3.3, PS3.7 Annex D). The
/// association-level checks run first, in the order of PS3.8 table 9-21's sources: protocol version (ACSE
/// provider), then application context, called and calling AE titles and user identity (service user). Then each
/// presentation context is answered on its own: accepted with the first transfer syntax in OUR order of
/// preference that the requestor proposed, or refused with reason 3 (abstract syntax) or 4 (transfer syntaxes).
/// SCP/SCU role selection items for accepted SOP classes are answered as proposed (C-GET needs the requestor to be
/// the storage SCP); an asynchronous operations window, when proposed, is answered 1/1 (synchronous).
/// </summary>
public static class AssociationNegotiator
{
    public static NegotiationOutcome Negotiate(AAssociateRqPdu request, AcceptorPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        if ((request.ProtocolVersion & 1) == 0)
        {
            return NegotiationOutcome.Rejected(RejectSource.ServiceProviderAcse, RejectReason.AcseProtocolVersionNotSupported);
        }

        if (!string.Equals(request.ApplicationContextName, AAssociateRqPdu.DicomApplicationContext, StringComparison.Ordinal))
        {
            return NegotiationOutcome.Rejected(RejectSource.ServiceUser, RejectReason.UserApplicationContextNameNotSupported);
        }

        if (!string.Equals(request.CalledAeTitle, policy.AeTitle, StringComparison.Ordinal))
        {
            return NegotiationOutcome.Rejected(RejectSource.ServiceUser, RejectReason.UserCalledAeTitleNotRecognized);
        }

        if (policy.AllowedCallingAeTitles is { } allowed && !allowed.Contains(request.CallingAeTitle))
        {
            return NegotiationOutcome.Rejected(RejectSource.ServiceUser, RejectReason.UserCallingAeTitleNotRecognized);
        }

        UserIdentityRequest? identity = request.UserInformation.UserIdentity;
        bool identityAccepted = false;
        if (policy.UserIdentityValidator is { } validate)
        {
            identityAccepted = identity is not null && validate(identity);
            if ((identity is not null && !identityAccepted) || (identity is null && policy.RequireUserIdentity))
            {
                return NegotiationOutcome.Rejected(RejectSource.ServiceUser, RejectReason.UserNoReasonGiven);
            }
        }

        if (policy.TryReserveSlot is { } reserve && !reserve())
        {
            return NegotiationOutcome.Rejected(RejectSource.ServiceProviderPresentation, RejectReason.PresentationLocalLimitExceeded,
                RejectResult.Transient);
        }

        var results = new List<PresentationContextResult>(request.PresentationContexts.Count);
        var accepted = new Dictionary<byte, AcceptedPresentationContext>();
        foreach (PresentationContextRequest pc in request.PresentationContexts)
        {
            PresentationContextResult result = Answer(pc, policy, accepted);
            results.Add(result);
            if (result.IsAccepted)
            {
                accepted[pc.Id] = new AcceptedPresentationContext(pc.Id, pc.AbstractSyntax, result.TransferSyntax);
            }
        }

        IReadOnlyList<RoleSelection> roles = policy.AcceptProposedRoles
            ? [.. request.UserInformation.RoleSelections.Where(r => accepted.Values.Any(
                c => string.Equals(c.AbstractSyntax, r.SopClassUid, StringComparison.Ordinal)))]
            : [];
        var info = new UserInformation
        {
            MaximumLength = policy.MaxPduLength,
            ImplementationClassUid = policy.ImplementationClassUid,
            ImplementationVersionName = policy.ImplementationVersionName,
            RoleSelections = roles,

            // PS3.7 D.3.3.3: operations are performed one at a time; a proposed window is answered 1/1 explicitly
            // (absent, the default is 1/1 anyway, which some requestors do not assume).
            AsynchronousOperationsWindow = request.UserInformation.AsynchronousOperationsWindow is null
                ? null
                : new AsynchronousOperationsWindow(1, 1),

            // PS3.7 D.3.3.7.2: answered only when asked; for username (and passcode) the response is empty. The cast
            // matters: a bare null would convert to an empty ReadOnlyMemory through its array conversion.
            UserIdentityServerResponse = identityAccepted && identity!.PositiveResponseRequested
                ? ReadOnlyMemory<byte>.Empty
                : (ReadOnlyMemory<byte>?)null,
        };
        var ac = new AAssociateAcPdu(request.CalledAeTitle, request.CallingAeTitle, results, info);
        var parameters = new AssociationParameters
        {
            CallingAeTitle = request.CallingAeTitle,
            CalledAeTitle = request.CalledAeTitle,
            PresentationContexts = accepted,
            PeerMaxPduLength = request.UserInformation.MaximumLength ?? 0,
            OurMaxPduLength = policy.MaxPduLength,
            PeerImplementationClassUid = request.UserInformation.ImplementationClassUid,
            PeerImplementationVersionName = request.UserInformation.ImplementationVersionName,
            RoleSelections = roles,
            ExtendedNegotiations = request.UserInformation.ExtendedNegotiations,
            UserIdentity = identity,
        };
        return NegotiationOutcome.Accepted(ac, parameters);
    }

    private static PresentationContextResult Answer(
        PresentationContextRequest pc, AcceptorPolicy policy, Dictionary<byte, AcceptedPresentationContext> accepted)
    {
        string fallback = pc.TransferSyntaxes.Count > 0 ? pc.TransferSyntaxes[0] : string.Empty;

        // PS3.8 9.3.2.2: context ids are odd and unique within the association.
        if ((pc.Id & 1) == 0 || accepted.ContainsKey(pc.Id))
        {
            return new PresentationContextResult(pc.Id, PresentationContextResultReason.UserRejection, fallback);
        }

        if (!policy.AbstractSyntaxes.TryGetValue(pc.AbstractSyntax, out IReadOnlyList<string>? ours))
        {
            return new PresentationContextResult(pc.Id, PresentationContextResultReason.AbstractSyntaxNotSupported, fallback);
        }

        foreach (string syntax in ours)
        {
            if (pc.TransferSyntaxes.Contains(syntax, StringComparer.Ordinal))
            {
                return new PresentationContextResult(pc.Id, PresentationContextResultReason.Acceptance, syntax);
            }
        }

        return new PresentationContextResult(pc.Id, PresentationContextResultReason.TransferSyntaxesNotSupported, fallback);
    }
}
