using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace PacsNode.Dicom.Network.Upper;

/// <summary>Reading, writing, and the single failure path.</summary>
public sealed partial class Association
{
    /// <summary>Reads one PDU; null at a clean end of stream. A timeout or a malformed PDU breaks the association.</summary>
    private async ValueTask<Pdu?> ReadPduAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using CancellationTokenSource? timer = timeout is { } t ? new CancellationTokenSource(t, _time) : null;
        using CancellationTokenSource? linked = timer is null
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        CancellationToken token = linked?.Token ?? cancellationToken;
        try
        {
            while (true)
            {
                ReadResult result = await _input.ReadAsync(token).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = result.Buffer;
                SequencePosition consumed = buffer.Start;
                SequencePosition examined = buffer.End;
                try
                {
                    if (_reader.TryParse(buffer, out consumed, out examined, out Pdu? pdu))
                    {
                        return pdu;
                    }
                }
                finally
                {
                    _input.AdvanceTo(consumed, examined);
                }

                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty)
                    {
                        throw new AssociationAbortedException(
                            $"the connection closed inside a PDU ({buffer.Length} bytes of it had arrived)");
                    }

                    return null;
                }
            }
        }
        catch (OperationCanceledException ex) when (timer?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            throw await FailAsync(UpperLayerEvent.Evt15,
                new TimeoutException($"no PDU arrived within {timeout} in {_machine.State}", ex), AbortReason.NotSpecified)
                .ConfigureAwait(false);
        }
        catch (UpperLayerProtocolException ex)
        {
            throw await FailAsync(UpperLayerEvent.Evt19, ex, ex.Reason).ConfigureAwait(false);
        }
        catch (AssociationAbortedException ex)
        {
            throw await FailAsync(UpperLayerEvent.Evt17, ex, AbortReason.NotSpecified).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException && BreakReason is not null)
        {
            // The ARTIM timer or a Break closed the socket under this read: report why, not the socket's complaint.
            throw BreakReason!;
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            throw await FailAsync(UpperLayerEvent.Evt17,
                new AssociationAbortedException("the transport connection failed", ex), AbortReason.NotSpecified)
                .ConfigureAwait(false);
        }
    }

    private async ValueTask SendPduAsync(Pdu pdu, CancellationToken cancellationToken) =>
        await WriteAsync(output => PduWriter.Write(pdu, output), cancellationToken).ConfigureAwait(false);

    private async ValueTask WriteAsync(Action<IBufferWriter<byte>> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            write(_output);
            FlushResult flushed = await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (flushed.IsCompleted)
            {
                throw await FailAsync(UpperLayerEvent.Evt17,
                    new AssociationAbortedException("the connection closed while sending"), AbortReason.NotSpecified)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            throw await FailAsync(UpperLayerEvent.Evt17,
                new AssociationAbortedException("the transport connection failed while sending", ex), AbortReason.NotSpecified)
                .ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// The one failure path: applies <paramref name="evt"/> to the state machine where the table allows it, records
    /// the first reason, sends the A-ABORT the transition asks for (best effort), closes, and returns the first
    /// reason for the caller to throw.
    /// </summary>
    private async ValueTask<Exception> FailAsync(UpperLayerEvent evt, Exception reason, AbortReason abortReason)
    {
        if (Interlocked.CompareExchange(ref _breakReason, reason, null) is { } first)
        {
            await CloseAsync().ConfigureAwait(false);
            return first;
        }

        NetworkLog.Broken(_logger, Id, reason.Message, reason);
        StateTransition? t = _machine.CanFire(evt) ? _machine.Fire(evt) : null;
        if (t?.Send == PduType.AAbort && Volatile.Read(ref _closed) == 0)
        {
            var abort = new AAbortPdu(t.AbortSource!.Value,
                t.AbortSource == AbortSource.ServiceProvider ? abortReason : AbortReason.NotSpecified);
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
                PduWriter.Write(abort, _output);
                await _output.FlushAsync(cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or InvalidOperationException)
            {
                // The transport is already gone; the association is closed below all the same.
            }
        }

        await CloseAsync().ConfigureAwait(false);
        return reason;
    }

    /// <summary>A PDU the current state does not expect: the table's action (mostly AA-8) aborts as the provider.</summary>
    private ValueTask<Exception> UnexpectedAsync(Pdu pdu)
    {
        if (pdu is AAbortPdu abort)
        {
            NetworkLog.PeerAborted(_logger, Id, abort.Source, abort.Reason);
            return FailAsync(UpperLayerEvent.Evt16,
                new AssociationAbortedException(abort.Source, abort.Reason,
                    $"the peer aborted the association (source {abort.Source}, reason {abort.Reason})"),
                AbortReason.NotSpecified);
        }

        UpperLayerEvent evt = pdu.Type switch
        {
            PduType.AAssociateAc => UpperLayerEvent.Evt3,
            PduType.AAssociateRj => UpperLayerEvent.Evt4,
            PduType.AAssociateRq => UpperLayerEvent.Evt6,
            PduType.PDataTf => UpperLayerEvent.Evt10,
            PduType.AReleaseRq => UpperLayerEvent.Evt12,
            _ => UpperLayerEvent.Evt13,
        };
        return FailAsync(evt,
            new UpperLayerProtocolException(AbortReason.UnexpectedPdu, $"unexpected {pdu.Type} PDU in {_machine.State}"),
            AbortReason.UnexpectedPdu);
    }

    /// <summary>Sta13: waits for the peer to close; the ARTIM timer bounds the wait, then we close ourselves.</summary>
    private async ValueTask AwaitPeerCloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (_machine.State == UpperLayerState.Sta13)
            {
                ReadResult result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
                _input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    _machine.Fire(UpperLayerEvent.Evt17);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The ARTIM timer closed the socket: the peer never closed, which ends the association just the same.
        }
        finally
        {
            await CloseAsync().ConfigureAwait(false);
        }
    }

    private void OnArtimExpired(StateTransition transition)
    {
        if (transition.From != UpperLayerState.Sta13)
        {
            Interlocked.CompareExchange(ref _breakReason,
                new TimeoutException($"the ARTIM timer expired in {transition.From}"), null);
        }

        // AA-2: close the transport. The pending read fails and reports the recorded reason, if any.
        _socket.Dispose();
    }

    private async ValueTask CloseAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        await _input.CompleteAsync().ConfigureAwait(false);
        try
        {
            await _output.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // Completing flushes what is buffered; a dead transport cannot take it.
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
