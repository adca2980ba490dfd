using System.Diagnostics;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Dimse;

namespace PacsNode.Host.Commands;

/// <summary><c>pacsnode echo AE@host:port</c>: one C-ECHO (Verification), like DCMTK's echoscu.</summary>
internal sealed class EchoCommand : ICommand
{
    public string Name => "echo";

    public string Summary => "Send a C-ECHO to a DICOM peer (exit 0 when it answers Success)";

    public string Usage => $"echo AE@host:port {ScuArguments.Synopsis}";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var scu = new ScuArguments();
        PeerAddress? peer = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (scu.TryConsume(args, ref i))
            {
                continue;
            }

            if (args[i].StartsWith('-') || peer is not null)
            {
                throw new UsageException($"unexpected argument '{args[i]}'");
            }

            peer = PeerAddress.Parse(args[i], "peer");
        }

        if (peer is null)
        {
            throw new UsageException("echo needs the peer as AE@host:port");
        }

        var contexts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [DicomUid.Verification] = [DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian],
        };
        var stopwatch = Stopwatch.StartNew();
        var status = await ScuSession.RunAsync(scu.CreateOptions(peer, contexts), peer,
            (client, ct) => client.EchoAsync(ct), cancellationToken);
        if (status.Category != StatusCategory.Success)
        {
            throw new CommandException($"C-ECHO to {peer}: status {status}");
        }

        await Console.Out.WriteLineAsync(
            $"C-ECHO to {peer}: Success ({stopwatch.Elapsed.TotalMilliseconds:F0} ms{(scu.Tls ? ", TLS" : string.Empty)})".AsMemory(),
            cancellationToken);
        return ExitCodes.Ok;
    }
}
