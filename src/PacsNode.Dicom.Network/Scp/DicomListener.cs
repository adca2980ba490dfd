using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>
/// Accepts TCP connections, negotiates each under the acceptor policy, and runs the handler for each established
/// association, at most <see cref="DicomListenerOptions.MaxAssociations"/> at once. The per-association task is a
/// failure boundary: whatever the handler throws is logged and ends that association with an A-ABORT, and the
/// listener keeps serving the others.
/// </summary>
public sealed class DicomListener : IAsyncDisposable
{
    private readonly DicomListenerOptions _options;
    private readonly AcceptorPolicy _policy;
    private readonly Func<Association, CancellationToken, Task> _handler;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Socket _socket;
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _running = [];
    private int _active;

    public DicomListener(
        DicomListenerOptions options, AcceptorPolicy policy, Func<Association, CancellationToken, Task> handler,
        TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _policy = policy;
        _handler = handler;
        _time = timeProvider;
        _logger = logger;
        _socket = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _socket.Bind(new IPEndPoint(options.Address, options.Port));
        _socket.Listen(128);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Accepts until <paramref name="cancellationToken"/> is cancelled, then waits for running associations.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Socket client = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
                Task task = ServeAsync(client, cancellationToken);
                lock (_lock)
                {
                    _running.Add(task);
                }

                _ = task.ContinueWith(t => Forget(t), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: stop accepting and let the running associations finish below.
        }

        Task[] running;
        lock (_lock)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Forget(Task task)
    {
        lock (_lock)
        {
            _running.Remove(task);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        bool reserved = false;
        string remote = client.RemoteEndPoint?.ToString() ?? "?";
        Association? association = null;
        try
        {
            AcceptorPolicy policy = _policy with
            {
                TryReserveSlot = () =>
                {
                    if (Interlocked.Increment(ref _active) <= _options.MaxAssociations)
                    {
                        reserved = true;
                        return true;
                    }

                    Interlocked.Decrement(ref _active);
                    NetworkLog.TooManyAssociations(_logger, remote, _options.MaxAssociations);
                    return false;
                },
            };
            association = await Association.AcceptAsync(client, policy, _options.Association, _time, _logger, cancellationToken)
                .ConfigureAwait(false);
            if (association is not null)
            {
                await _handler(association, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the association is aborted by its disposal below.
        }
        catch (Exception ex)
        {
            // The per-association boundary (STYLE 3.4): log, end this association, keep serving the others.
            NetworkLog.HandlerFailed(_logger, association?.Id ?? 0, ex);
            if (association is not null)
            {
                await association.BreakAsync(ex).ConfigureAwait(false);
            }
        }
        finally
        {
            if (reserved)
            {
                Interlocked.Decrement(ref _active);
            }

            if (association is not null)
            {
                await association.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                client.Dispose();
            }
        }
    }
}
