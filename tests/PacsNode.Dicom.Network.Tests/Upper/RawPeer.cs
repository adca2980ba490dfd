using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace PacsNode.Dicom.Network.Tests.Upper;

/// <summary>A scripted peer on a raw socket: sends exact bytes and reads PDUs as bytes, to test what the wire carries.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly Socket _socket;

    private RawPeer(Socket socket)
    {
        _socket = socket;
    }

    public static async Task<RawPeer> ConnectAsync(IPEndPoint endPoint, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint, ct);
        return new RawPeer(socket);
    }

    public static RawPeer FromSocket(Socket socket) => new(socket);

    public async Task SendAsync(byte[] bytes, CancellationToken ct) => await _socket.SendAsync(bytes, ct);

    /// <summary>The next whole PDU (header included), or null at end of stream.</summary>
    public async Task<byte[]?> ReadPduAsync(CancellationToken ct)
    {
        byte[] header = new byte[6];
        if (!await FillAsync(header, ct))
        {
            return null;
        }

        byte[] pdu = new byte[6 + BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2))];
        header.CopyTo(pdu, 0);
        if (!await FillAsync(pdu.AsMemory(6), ct))
        {
            throw new EndOfStreamException("the connection closed inside a PDU");
        }

        return pdu;
    }

    /// <summary>True when the other side closed the connection (a read returns 0 bytes).</summary>
    public async Task<bool> IsClosedAsync(CancellationToken ct)
    {
        byte[] one = new byte[1];
        try
        {
            return await _socket.ReceiveAsync(one, ct) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> FillAsync(Memory<byte> buffer, CancellationToken ct)
    {
        int got = 0;
        while (got < buffer.Length)
        {
            int n = await _socket.ReceiveAsync(buffer[got..], ct);
            if (n == 0)
            {
                return false;
            }

            got += n;
        }

        return true;
    }
}
