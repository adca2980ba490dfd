using static PacsNode.Dicom.Network.Upper.UpperLayerAction;

namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// The PS3.8 section 9.2 state machine for one association, for the requestor or the acceptor side. It decides;
/// it does no I/O: each <see cref="Fire"/> returns the <see cref="StateTransition"/> whose PDU and close request
/// the owner carries out. The ARTIM timer runs on the injected <see cref="TimeProvider"/>; on expiry the machine
/// fires Evt18 itself and reports the transition through <see cref="ArtimExpired"/>.
/// </summary>
public sealed class UpperLayerStateMachine : IDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _artimTimeout;
    private ITimer? _artim;

    public UpperLayerStateMachine(bool isRequestor, TimeProvider timeProvider, TimeSpan artimTimeout)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(artimTimeout, TimeSpan.Zero);
        IsRequestor = isRequestor;
        _time = timeProvider;
        _artimTimeout = artimTimeout;
    }

    public bool IsRequestor { get; }

    public UpperLayerState State { get; private set; } = UpperLayerState.Sta1;

    public bool IsArtimRunning
    {
        get
        {
            lock (_lock)
            {
                return _artim is not null;
            }
        }
    }

    /// <summary>Raised, outside the lock, with the Evt18 transition when the ARTIM timer expires.</summary>
    public event Action<StateTransition>? ArtimExpired;

    /// <summary>Applies an event. An event the table has no entry for is a programming error of the local user.</summary>
    /// <exception cref="InvalidOperationException">The event is not allowed in the current state.</exception>
    public StateTransition Fire(UpperLayerEvent evt)
    {
        lock (_lock)
        {
            return FireLocked(evt);
        }
    }

    /// <summary>Whether the table allows <paramref name="evt"/> in the current state.</summary>
    public bool CanFire(UpperLayerEvent evt)
    {
        lock (_lock)
        {
            return StateTable.Lookup(evt, State) != None;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            StopArtim();
        }
    }

    private StateTransition FireLocked(UpperLayerEvent evt)
    {
        UpperLayerState from = State;
        UpperLayerAction action = StateTable.Lookup(evt, from);
        if (action == None)
        {
            throw new InvalidOperationException($"PS3.8 table 9-10 has no action for {evt} in {from}.");
        }

        UpperLayerState to = StateTable.Next(action, IsRequestor);
        (PduType? send, AbortSource? source, bool close) = Effects(action);
        switch (action)
        {
            case AE5 or AE8 or AR4 or AA1 or AA8:
                StartArtim();
                break;
            case AE6 or AR5 or AA2 or AA5 or AE4 or AR3 or AA3 or AA4:
                StopArtim();
                break;
            default:
                break;
        }

        State = to;
        return new StateTransition(from, evt, action, to, send, source, close);
    }

    private static (PduType? Send, AbortSource? Source, bool Close) Effects(UpperLayerAction action) => action switch
    {
        AE2 => (PduType.AAssociateRq, null, false),
        AE7 => (PduType.AAssociateAc, null, false),
        AE8 => (PduType.AAssociateRj, null, false),
        DT1 or AR7 => (PduType.PDataTf, null, false),
        AR1 => (PduType.AReleaseRq, null, false),
        AR4 or AR9 => (PduType.AReleaseRp, null, false),
        AA1 => (PduType.AAbort, AbortSource.ServiceUser, false),
        AA7 or AA8 => (PduType.AAbort, AbortSource.ServiceProvider, false),
        AE4 or AR3 or AA2 or AA3 => (null, null, true),
        _ => (null, null, false),
    };

    private void StartArtim()
    {
        _artim?.Dispose();
        _artim = _time.CreateTimer(static state => ((UpperLayerStateMachine)state!).OnArtim(), this, _artimTimeout,
            Timeout.InfiniteTimeSpan);
    }

    private void StopArtim()
    {
        _artim?.Dispose();
        _artim = null;
    }

    private void OnArtim()
    {
        StateTransition transition;
        lock (_lock)
        {
            // A timer callback can race a stop: only an armed timer in a state that expects Evt18 counts.
            if (_artim is null || StateTable.Lookup(UpperLayerEvent.Evt18, State) == None)
            {
                return;
            }

            transition = FireLocked(UpperLayerEvent.Evt18);
        }

        ArtimExpired?.Invoke(transition);
    }
}
