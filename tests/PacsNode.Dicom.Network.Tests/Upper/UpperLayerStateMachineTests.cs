using PacsNode.Dicom.Network.Upper;
using Xunit;
using static PacsNode.Dicom.Network.Upper.UpperLayerEvent;
using static PacsNode.Dicom.Network.Upper.UpperLayerState;

namespace PacsNode.Dicom.Network.Tests.Upper;

public sealed class UpperLayerStateMachineTests
{
    private static readonly TimeSpan Artim = TimeSpan.FromSeconds(30);

    [Fact]
    public void Acceptor_AssociateTransferRelease_FollowsTable910()
    {
        var time = new ManualTimeProvider();
        using var sm = new UpperLayerStateMachine(false, time, Artim);

        AssertStep(sm.Fire(Evt5), UpperLayerAction.AE5, Sta2, null);
        Assert.True(sm.IsArtimRunning);
        AssertStep(sm.Fire(Evt6), UpperLayerAction.AE6, Sta3, null);
        Assert.False(sm.IsArtimRunning);
        AssertStep(sm.Fire(Evt7), UpperLayerAction.AE7, Sta6, PduType.AAssociateAc);
        AssertStep(sm.Fire(Evt10), UpperLayerAction.DT2, Sta6, null);
        AssertStep(sm.Fire(Evt9), UpperLayerAction.DT1, Sta6, PduType.PDataTf);
        AssertStep(sm.Fire(Evt12), UpperLayerAction.AR2, Sta8, null);
        AssertStep(sm.Fire(Evt9), UpperLayerAction.AR7, Sta8, PduType.PDataTf);
        AssertStep(sm.Fire(Evt14), UpperLayerAction.AR4, Sta13, PduType.AReleaseRp);
        Assert.True(sm.IsArtimRunning);
        AssertStep(sm.Fire(Evt17), UpperLayerAction.AR5, Sta1, null);
        Assert.False(sm.IsArtimRunning);
    }

    [Fact]
    public void Requestor_AssociateAndRelease_FollowsTable910()
    {
        using var sm = new UpperLayerStateMachine(true, new ManualTimeProvider(), Artim);

        AssertStep(sm.Fire(Evt1), UpperLayerAction.AE1, Sta4, null);
        AssertStep(sm.Fire(Evt2), UpperLayerAction.AE2, Sta5, PduType.AAssociateRq);
        AssertStep(sm.Fire(Evt3), UpperLayerAction.AE3, Sta6, null);
        AssertStep(sm.Fire(Evt11), UpperLayerAction.AR1, Sta7, PduType.AReleaseRq);
        AssertStep(sm.Fire(Evt10), UpperLayerAction.AR6, Sta7, null);
        StateTransition last = sm.Fire(Evt13);
        AssertStep(last, UpperLayerAction.AR3, Sta1, null);
        Assert.True(last.CloseTransport);
    }

    [Fact]
    public void Requestor_Rejected_ClosesAndReturnsToIdle()
    {
        using var sm = new UpperLayerStateMachine(true, new ManualTimeProvider(), Artim);
        sm.Fire(Evt1);
        sm.Fire(Evt2);

        StateTransition t = sm.Fire(Evt4);

        Assert.Equal((UpperLayerAction.AE4, Sta1, true), (t.Action, t.To, t.CloseTransport));
    }

    [Fact]
    public void Acceptor_Reject_SendsRjThenArtimExpiryClosesTheConnection()
    {
        var time = new ManualTimeProvider();
        using var sm = new UpperLayerStateMachine(false, time, Artim);
        StateTransition? expired = null;
        sm.ArtimExpired += t => expired = t;
        sm.Fire(Evt5);
        sm.Fire(Evt6);

        AssertStep(sm.Fire(Evt8), UpperLayerAction.AE8, Sta13, PduType.AAssociateRj);
        time.Advance(Artim - TimeSpan.FromMilliseconds(1));
        Assert.Null(expired);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.NotNull(expired);
        Assert.Equal((Evt18, UpperLayerAction.AA2, Sta1, true), (expired.Event, expired.Action, expired.To, expired.CloseTransport));
    }

    [Fact]
    public void Acceptor_NoAssociateRequestWithinArtim_ExpiresAndCloses()
    {
        var time = new ManualTimeProvider();
        using var sm = new UpperLayerStateMachine(false, time, Artim);
        StateTransition? expired = null;
        sm.ArtimExpired += t => expired = t;
        sm.Fire(Evt5);

        time.Advance(Artim);

        Assert.Equal((Sta2, UpperLayerAction.AA2, Sta1), (expired!.From, expired.Action, expired.To));
        Assert.Equal(Sta1, sm.State);
    }

    [Fact]
    public void Acceptor_AssociateRequestInTime_ArtimStoppedAndNeverFires()
    {
        var time = new ManualTimeProvider();
        using var sm = new UpperLayerStateMachine(false, time, Artim);
        bool fired = false;
        sm.ArtimExpired += _ => fired = true;
        sm.Fire(Evt5);
        sm.Fire(Evt6);

        time.Advance(Artim * 2);

        Assert.False(fired);
        Assert.Equal(Sta3, sm.State);
        Assert.Equal(0, time.ActiveTimers);
    }

    [Theory]
    [InlineData(Evt3)] // A-ASSOCIATE-AC while established
    [InlineData(Evt4)]
    [InlineData(Evt6)] // a second A-ASSOCIATE-RQ
    [InlineData(Evt13)] // A-RELEASE-RP nobody asked for
    [InlineData(Evt19)] // an invalid PDU
    public void Established_UnexpectedPdu_AbortsAsServiceProviderAndStartsArtim(UpperLayerEvent evt)
    {
        using var sm = Established(new ManualTimeProvider());

        StateTransition t = sm.Fire(evt);

        Assert.Equal((UpperLayerAction.AA8, Sta13, (PduType?)PduType.AAbort, (AbortSource?)AbortSource.ServiceProvider),
            (t.Action, t.To, t.Send, t.AbortSource));
        Assert.True(sm.IsArtimRunning);
    }

    [Fact]
    public void AwaitingAssociateRq_PDataInstead_AbortsWithAa1()
    {
        using var sm = new UpperLayerStateMachine(false, new ManualTimeProvider(), Artim);
        sm.Fire(Evt5);

        StateTransition t = sm.Fire(Evt10);

        Assert.Equal((UpperLayerAction.AA1, (PduType?)PduType.AAbort, Sta13), (t.Action, t.Send, t.To));
    }

    [Fact]
    public void Established_PeerAborts_ClosesWithAa3()
    {
        using var sm = Established(new ManualTimeProvider());

        StateTransition t = sm.Fire(Evt16);

        Assert.Equal((UpperLayerAction.AA3, Sta1, true, (PduType?)null), (t.Action, t.To, t.CloseTransport, t.Send));
    }

    [Fact]
    public void Established_TransportDrops_Aa4ToIdle()
    {
        using var sm = Established(new ManualTimeProvider());

        Assert.Equal(UpperLayerAction.AA4, sm.Fire(Evt17).Action);
        Assert.Equal(Sta1, sm.State);
    }

    [Fact]
    public void AwaitingClose_FurtherPdusIgnoredAndAssociateRqAnsweredWithAbort()
    {
        using var sm = Established(new ManualTimeProvider());
        sm.Fire(Evt15); // local abort: AA-1, Sta13

        Assert.Equal(UpperLayerAction.AA6, sm.Fire(Evt10).Action);
        Assert.Equal(UpperLayerAction.AA7, sm.Fire(Evt6).Action);
        Assert.Equal(Sta13, sm.State);
    }

    [Theory]
    [InlineData(true, Sta9)]
    [InlineData(false, Sta10)]
    public void ReleaseCollision_Ar8_GoesToTheSidesCollisionState(bool requestor, UpperLayerState expected)
    {
        var time = new ManualTimeProvider();
        using var sm = requestor ? new UpperLayerStateMachine(true, time, Artim) : Established(time);
        if (requestor)
        {
            sm.Fire(Evt1);
            sm.Fire(Evt2);
            sm.Fire(Evt3);
        }

        sm.Fire(Evt11);
        StateTransition t = sm.Fire(Evt12);

        Assert.Equal((UpperLayerAction.AR8, expected), (t.Action, t.To));
    }

    [Fact]
    public void ReleaseCollision_RequestorSide_CompletesThroughSta11()
    {
        using var sm = new UpperLayerStateMachine(true, new ManualTimeProvider(), Artim);
        foreach (UpperLayerEvent e in new[] { Evt1, Evt2, Evt3, Evt11, Evt12 })
        {
            sm.Fire(e);
        }

        AssertStep(sm.Fire(Evt14), UpperLayerAction.AR9, Sta11, PduType.AReleaseRp);
        Assert.Equal(UpperLayerAction.AR3, sm.Fire(Evt13).Action);
    }

    [Fact]
    public void Fire_LocalPrimitiveNotAllowed_ThrowsAsProgrammingError()
    {
        using var sm = new UpperLayerStateMachine(false, new ManualTimeProvider(), Artim);

        Assert.False(sm.CanFire(Evt9));
        Assert.Throws<InvalidOperationException>(() => sm.Fire(Evt9));
        Assert.Equal(Sta1, sm.State);
    }

    private static UpperLayerStateMachine Established(ManualTimeProvider time)
    {
        var sm = new UpperLayerStateMachine(false, time, Artim);
        sm.Fire(Evt5);
        sm.Fire(Evt6);
        sm.Fire(Evt7);
        return sm;
    }

    private static void AssertStep(StateTransition t, UpperLayerAction action, UpperLayerState to, PduType? send) =>
        Assert.Equal((action, to, send), (t.Action, t.To, t.Send));
}
