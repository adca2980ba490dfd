using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// One DICOM association over a TCP socket (TCP_NODELAY set), in the clear or inside TLS: PDUs read through System.IO.Pipelines with
/// <see cref="PduReader"/> under our maximum, P-DATA written fragmented to the peer's maximum, every step checked
/// by the PS3.8 state machine. Protocol and transport faults end it in one place, <see cref="FailAsync"/>, which
/// records the first reason, sends an A-ABORT where the table says so and the transport still works, closes, and
/// returns the exception for the caller to throw. Open one with <c>AcceptAsync</c> or <c>RequestAsync</c>.
/// </summary>
public sealed partial class Association : IAsyncDisposable
{
    private const int ReceiveBufferSize = 64 * 1024;

    private static long _nextId;

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly PduReader _reader;
    private readonly UpperLayerStateMachine _machine;
    private readonly AssociationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private Exception? _breakReason;
    private int _closed;

    private Association(
        Socket socket, Stream? transport, bool isRequestor, uint ourMaxPduLength, AssociationOptions options, TimeProvider time,
        ILogger logger)
    {
        socket.NoDelay = true;
        _socket = socket;
        _stream = transport ?? new NetworkStream(socket, ownsSocket: true);
        // 64 KiB reads (the default is 4 KiB): a 16 KiB P-DATA-TF arrives in one receive, not four.
        _input = PipeReader.Create(_stream,
            new StreamPipeReaderOptions(bufferSize: ReceiveBufferSize, minimumReadSize: ReceiveBufferSize / 4, leaveOpen: true));
        _output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        _reader = new PduReader(ourMaxPduLength);
        _options = options;
        _time = time;
        _logger = logger;
        _machine = new UpperLayerStateMachine(isRequestor, time, options.ArtimTimeout);
        _machine.ArtimExpired += OnArtimExpired;
        Id = Interlocked.Increment(ref _nextId);
        RemoteEndPoint = socket.RemoteEndPoint;
    }

    /// <summary>How long a read waits for the next PDU once associated (<see cref="AssociationOptions.IdleTimeout"/>).</summary>
    public TimeSpan IdleTimeout => _options.IdleTimeout;

    /// <summary>A process-wide number for logs.</summary>
    public long Id { get; }

    public EndPoint? RemoteEndPoint { get; }

    /// <summary>Whether the association runs inside TLS (PS3.15 B.1).</summary>
    public bool IsSecure => _stream is SslStream;

    /// <summary>What negotiation agreed; set once the association is established.</summary>
    public AssociationParameters Parameters { get; private set; } = null!;

    public UpperLayerState State => _machine.State;

    /// <summary>The first reason the association broke, or null.</summary>
    public Exception? BreakReason => Volatile.Read(ref _breakReason);

    /// <summary>True after the peer sent A-RELEASE-RQ and before we answer with <see cref="SendReleaseResponseAsync"/>.</summary>
    public bool ReleaseRequested => _machine.State == UpperLayerState.Sta8;

    internal Socket Socket => _socket;

    internal TimeProvider TimeProvider => _time;

    /// <summary>
    /// Waits for the next P-DATA-TF PDU. Returns null when the peer asked to release (answer with
    /// <see cref="SendReleaseResponseAsync"/>). An abort, an unexpected PDU, a malformed PDU, the idle timeout and a
    /// dropped connection all end the association and throw.
    /// </summary>
    public ValueTask<PDataTfPdu?> ReceiveAsync(CancellationToken cancellationToken) =>
        ReceiveAsync(true, cancellationToken);

    /// <summary>
    /// As <see cref="ReceiveAsync(CancellationToken)"/>; with <paramref name="idleTimeout"/> false the wait is not
    /// bounded by <see cref="AssociationOptions.IdleTimeout"/>, for a read that watches for a C-CANCEL while we are
    /// the one sending (the caller then bounds the wait itself, see <see cref="IdleTimeout"/>).
    /// </summary>
    public async ValueTask<PDataTfPdu?> ReceiveAsync(bool idleTimeout, CancellationToken cancellationToken)
    {
        Pdu? pdu = await ReadPduAsync(idleTimeout ? _options.IdleTimeout : null, cancellationToken).ConfigureAwait(false);
        switch (pdu)
        {
            case null:
                throw await FailAsync(UpperLayerEvent.Evt17,
                    new AssociationAbortedException("the peer closed the connection without releasing the association"),
                    AbortReason.NotSpecified).ConfigureAwait(false);
            case PDataTfPdu data when _machine.State == UpperLayerState.Sta6:
                _machine.Fire(UpperLayerEvent.Evt10);
                return data;
            case AReleaseRqPdu when _machine.State == UpperLayerState.Sta6:
                _machine.Fire(UpperLayerEvent.Evt12);
                return null;
            default:
                throw await UnexpectedAsync(pdu).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends one message part (a command or a dataset) as P-DATA-TF PDUs, each holding one PDV no larger than the
    /// peer's maximum PDU length allows; the last fragment carries the last-fragment bit.
    /// </summary>
    public async ValueTask SendPDataAsync(
        byte presentationContextId, bool isCommand, ReadOnlySequence<byte> data, CancellationToken cancellationToken)
    {
        uint peerMax = Parameters.PeerMaxPduLength == 0 ? _options.UnlimitedPeerFragmentLength : Parameters.PeerMaxPduLength;
        int fragment = (int)Math.Min(peerMax - PresentationDataValue.Overhead, 4u * 1024 * 1024);
        do
        {
            ReadOnlySequence<byte> part = data.Slice(0, Math.Min(fragment, data.Length));
            data = data.Slice(part.End);
            StateTransition t = FireLocal(UpperLayerEvent.Evt9);
            if (t.Send != PduType.PDataTf)
            {
                throw new InvalidOperationException($"P-DATA cannot be sent in {t.From}.");
            }

            await WriteAsync(output => WritePData(output, presentationContextId, isCommand, data.IsEmpty, part),
                cancellationToken).ConfigureAwait(false);
        }
        while (!data.IsEmpty);
    }

    /// <summary>Answers the peer's A-RELEASE-RQ and waits (at most the ARTIM time) for it to close the connection.</summary>
    public async Task SendReleaseResponseAsync(CancellationToken cancellationToken)
    {
        FireLocal(UpperLayerEvent.Evt14);
        await SendPduAsync(AReleaseRpPdu.Instance, cancellationToken).ConfigureAwait(false);
        await AwaitPeerCloseAsync(cancellationToken).ConfigureAwait(false);
        NetworkLog.Released(_logger, Id);
    }

    /// <summary>Requestor: sends A-RELEASE-RQ and waits for A-RELEASE-RP, answering a release collision.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        FireLocal(UpperLayerEvent.Evt11);
        await SendPduAsync(AReleaseRqPdu.Instance, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            Pdu? pdu = await ReadPduAsync(_options.ArtimTimeout, cancellationToken).ConfigureAwait(false);
            if (pdu is AReleaseRpPdu && _machine.Fire(UpperLayerEvent.Evt13).CloseTransport)
            {
                await CloseAsync().ConfigureAwait(false);
                NetworkLog.Released(_logger, Id);
                return;
            }

            if (pdu is PDataTfPdu && _machine.State == UpperLayerState.Sta7)
            {
                _machine.Fire(UpperLayerEvent.Evt10);
                continue;
            }

            if (pdu is AReleaseRqPdu && _machine.State == UpperLayerState.Sta7)
            {
                _machine.Fire(UpperLayerEvent.Evt12);
                FireLocal(UpperLayerEvent.Evt14);
                await SendPduAsync(AReleaseRpPdu.Instance, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (pdu is null)
            {
                throw await FailAsync(UpperLayerEvent.Evt17,
                    new AssociationAbortedException("the peer closed the connection during release"), AbortReason.NotSpecified)
                    .ConfigureAwait(false);
            }

            throw await UnexpectedAsync(pdu).ConfigureAwait(false);
        }
    }

    /// <summary>Aborts as the service user (A-ABORT source 0) and closes; returns the recorded first reason.</summary>
    public ValueTask<Exception> BreakAsync(Exception reason) => FailAsync(UpperLayerEvent.Evt15, reason, AbortReason.NotSpecified);

    public async ValueTask DisposeAsync()
    {
        if (_machine.State is not (UpperLayerState.Sta1 or UpperLayerState.Sta13) && Volatile.Read(ref _closed) == 0)
        {
            await BreakAsync(new ObjectDisposedException(nameof(Association), "disposed while open")).ConfigureAwait(false);
        }

        await CloseAsync().ConfigureAwait(false);
        _machine.Dispose();
        _writeLock.Dispose();
    }

    private static void WritePData(
        IBufferWriter<byte> output, byte id, bool isCommand, bool isLast, ReadOnlySequence<byte> fragment)
    {
        int pdv = PresentationDataValue.Overhead + (int)fragment.Length;
        Span<byte> span = output.GetSpan(PduReader.HeaderLength + pdv);
        span[0] = (byte)PduType.PDataTf;
        span[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[2..], (uint)pdv);
        BinaryPrimitives.WriteUInt32BigEndian(span[6..], (uint)(fragment.Length + 2));
        span[10] = id;
        span[11] = (byte)((isCommand ? 1 : 0) | (isLast ? 2 : 0));
        fragment.CopyTo(span[12..]);
        output.Advance(PduReader.HeaderLength + pdv);
    }

    private StateTransition FireLocal(UpperLayerEvent evt)
    {
        if (BreakReason is { } broken)
        {
            throw new InvalidOperationException("The association is broken.", broken);
        }

        return _machine.Fire(evt);
    }
}
