using System.Net;
using System.Net.Security;
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
    private readonly CancellationTokenSource _associations = new();
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

    /// <summary>
    /// Accepts until <paramref name="cancellationToken"/> is cancelled, then lets running associations go on for
    /// <see cref="DicomListenerOptions.ShutdownGracePeriod"/>, cancels those still running, and waits for them.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        CancellationToken associationToken = _associations.Token;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Socket client = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
                Task task = ServeAsync(client, associationToken);
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

        var all = Task.WhenAll(running);
        if (running.Length > 0 && _options.ShutdownGracePeriod > TimeSpan.Zero)
        {
            NetworkLog.Draining(_logger, running.Length, _options.ShutdownGracePeriod);
            await Task.WhenAny(all, Task.Delay(_options.ShutdownGracePeriod, _time, CancellationToken.None)).ConfigureAwait(false);
        }

        await _associations.CancelAsync().ConfigureAwait(false);
        await all.ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _associations.Dispose();
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
        Stream? transport = null;
        try
        {
            if (_options.AllowedNetworks is { } allowed && !IsAllowed(client.RemoteEndPoint, allowed))
            {
                NetworkLog.HostRefused(_logger, remote);
                return;
            }

            if (_options.Tls is { } tls)
            {
                transport = await AuthenticateAsync(client, tls, remote, cancellationToken).ConfigureAwait(false);
                if (transport is null)
                {
                    return;
                }
            }

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
            association = await Association.AcceptAsync(client, transport, policy, _options.Association, _time, _logger,
                cancellationToken).ConfigureAwait(false);
            if (association is not null)
            {
                await _handler(association, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the association is aborted by its disposal below.
        }
        catch (Exception ex) when (ex is AssociationAbortedException
                                   || (association is null && ex is UpperLayerProtocolException or TimeoutException))
        {
            // A peer that aborted or vanished, or one that never associated and sent garbage or stayed silent: the
            // association layer has logged why (event 1002) and aborted; this is not a handler failure.
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
                if (transport is not null)
                {
                    await transport.DisposeAsync().ConfigureAwait(false);
                }

                client.Dispose();
            }
        }
    }

    private static bool IsAllowed(EndPoint? remote, IReadOnlyList<IPNetwork> allowed)
    {
        if (remote is not IPEndPoint ip)
        {
            return false;
        }

        IPAddress address = ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address;
        return allowed.Any(network => network.Contains(address));
    }

    /// <summary>The TLS handshake, bounded by the ARTIM time; null (logged) when it fails.</summary>
    private async Task<SslStream?> AuthenticateAsync(
        Socket client, SslServerAuthenticationOptions tls, string remote, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(new NetworkStream(client, ownsSocket: true), leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(_options.Association.ArtimTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await ssl.AuthenticateAsServerAsync(tls, linked.Token).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception ex) when (ex is System.Security.Authentication.AuthenticationException or IOException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            NetworkLog.TlsFailed(_logger, remote, ex.Message);
            await ssl.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }
}
