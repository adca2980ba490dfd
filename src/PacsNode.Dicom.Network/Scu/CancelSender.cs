using PacsNode.Dicom.Network.Dimse;

namespace PacsNode.Dicom.Network.Scu;

/// <summary>
/// Sends one C-CANCEL-RQ for an open C-MOVE or C-GET when the caller's token is cancelled (from the token's
/// callback, so the read loop keeps waiting for the final response), and observes that send when disposed.
/// </summary>
internal sealed class CancelSender(DimseChannel channel, byte presentationContextId, ushort messageId) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private Task? _sent;

    public void Send()
    {
        lock (_lock)
        {
            _sent ??= channel.SendAsync(presentationContextId, new CCancelRequest(messageId).ToCommand(), null, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? sent;
        lock (_lock)
        {
            sent = _sent;
            _sent = Task.CompletedTask;
        }

        if (sent is not null)
        {
            try
            {
                await sent.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or Upper.AssociationAbortedException)
            {
                // The association broke; the read loop has reported that already.
            }
        }
    }
}
