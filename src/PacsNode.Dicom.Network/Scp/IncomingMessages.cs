using PacsNode.Dicom.Network.Dimse;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>
/// The dispatcher's reads on one association. While a C-FIND or C-MOVE runs we only send, so a read is left pending
/// in the background to see a C-CANCEL; that read is not bounded by the idle timeout (the operation may take
/// longer), and a message it receives that is not a C-CANCEL (say the peer's A-RELEASE-RQ) is kept for the next
/// <see cref="NextAsync"/>, whose wait for it is bounded by the idle timeout again.
/// </summary>
internal sealed class IncomingMessages(DimseChannel channel)
{
    private Task<DimseMessage?>? _pending;

    /// <summary>The next message, or null when the peer asked to release.</summary>
    public async Task<DimseMessage?> NextAsync(CancellationToken cancellationToken)
    {
        if (_pending is not { } pending)
        {
            return await channel.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }

        _pending = null;
        TimeSpan idle = channel.Association.IdleTimeout;
        try
        {
            return await pending.WaitAsync(idle, channel.Association.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw await channel.Association.BreakAsync(new TimeoutException($"no PDU arrived within {idle}", ex)).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the background read, unless one is pending already.</summary>
    public void Watch(CancellationToken cancellationToken) => _pending ??= channel.ReceiveAsync(false, cancellationToken);

    /// <summary>
    /// Whether a C-CANCEL for <paramref name="messageId"/> has arrived. A C-CANCEL for another message is dropped
    /// (and the watch restarted); any other message stays for <see cref="NextAsync"/>.
    /// </summary>
    public async ValueTask<bool> CancelRequestedAsync(ushort messageId, CancellationToken cancellationToken)
    {
        if (_pending is not { IsCompletedSuccessfully: true } done)
        {
            return false;
        }

        DimseMessage? message = await done.ConfigureAwait(false);
        if (message?.Command.Field != CommandField.CCancelRq)
        {
            return false;
        }

        _pending = null;
        await message.DisposeAsync().ConfigureAwait(false);
        if (message.Command.MessageIdBeingRespondedTo == messageId)
        {
            return true;
        }

        Watch(cancellationToken);
        return false;
    }
}
