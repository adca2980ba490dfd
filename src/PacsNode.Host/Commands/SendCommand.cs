using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using PacsNode.Dicom;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.Network.Dimse;
using PacsNode.Dicom.Network.Scu;

namespace PacsNode.Host.Commands;

/// <summary>
/// <c>pacsnode send PATH... --to AE@host:port</c>: C-STORE of files and folders (recursively) over one association,
/// like DCMTK's storescu. Each SOP class is proposed with the transfer syntaxes its files are stored in plus explicit and
/// implicit VR little endian (or only the one given with <c>--ts</c>); a file goes as stored when the peer accepted its
/// syntax, is re-encoded when both syntaxes are uncompressed, and fails otherwise. Prints one line per failure and a
/// summary line; exit code 1 when anything failed.
/// </summary>
internal sealed class SendCommand : ICommand
{
    public string Name => "send";

    public string Summary => "Send DICOM files or folders to a peer with C-STORE (one association)";

    public string Usage => $"send PATH... --to AE@host:port [--ts explicit|implicit|big|UID] [-v] {ScuArguments.Synopsis}";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var scu = new ScuArguments();
        var paths = new List<string>();
        PeerAddress? peer = null;
        DicomTransferSyntax? only = null;
        var verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (scu.TryConsume(args, ref i))
            {
                continue;
            }

            switch (args[i])
            {
                case "--to":
                    peer = PeerAddress.Parse(ScuArguments.Value(args, ref i), "--to");
                    break;
                case "--ts":
                    only = ParseSyntax(ScuArguments.Value(args, ref i));
                    break;
                case "-v" or "--verbose":
                    verbose = true;
                    break;
                case var option when option.StartsWith('-'):
                    throw new UsageException($"unexpected option '{option}'");
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (peer is null || paths.Count == 0)
        {
            throw new UsageException("send needs at least one PATH and --to AE@host:port");
        }

        var failures = new List<string>();
        var items = new List<SendItem>();
        foreach (var path in SendItem.Expand(paths))
        {
            var (item, problem) = await SendItem.ReadAsync(path, cancellationToken);
            if (item is null)
            {
                failures.Add($"{path}: {problem}");
            }
            else
            {
                items.Add(item);
            }
        }

        var stopwatch = Stopwatch.StartNew();
        var (succeeded, warnings, bytes) = items.Count == 0
            ? (0, 0, 0L)
            : await ScuSession.RunAsync(Propose(scu.CreateOptions(peer, Contexts(items, only)), items, only), peer,
                (client, ct) => StoreAllAsync(client, items, failures, verbose, ct), cancellationToken);
        stopwatch.Stop();

        foreach (var failure in failures)
        {
            await Console.Error.WriteLineAsync($"pacsnode send: {failure}".AsMemory(), cancellationToken);
        }

        var seconds = Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-6);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"sent to {peer}: {succeeded} succeeded ({warnings} with warnings), {failures.Count} failed, " +
            $"{bytes / 1e6:F1} MB in {seconds:F2} s ({succeeded / seconds:F1} instances/s)").AsMemory(), cancellationToken);
        return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static Dictionary<string, IReadOnlyList<string>> Contexts(List<SendItem> items, DicomTransferSyntax? only)
    {
        string[] uncompressed = [DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian];
        return items.Select(i => i.SopClassUid).Distinct(StringComparer.Ordinal).ToDictionary(
            c => c, _ => (IReadOnlyList<string>)(only is not null ? [only.Uid] : uncompressed), StringComparer.Ordinal);
    }

    /// <summary>One more context per SOP class and stored compressed syntax, so each file can go as stored.</summary>
    private static DimseClientOptions Propose(DimseClientOptions options, List<SendItem> items, DicomTransferSyntax? only)
    {
        List<KeyValuePair<string, IReadOnlyList<string>>> extra = only is not null
            ? []
            : [.. items.Where(i => i.TransferSyntax.IsEncapsulated || i.TransferSyntax.IsDeflated || i.TransferSyntax.IsBigEndian)
                .Select(i => (i.SopClassUid, i.TransferSyntax.Uid)).Distinct()
                .Select(p => KeyValuePair.Create(p.SopClassUid, (IReadOnlyList<string>)[p.Uid]))];
        if (options.PresentationContexts.Count + extra.Count > 128)
        {
            throw new CommandException(
                $"the files need {options.PresentationContexts.Count + extra.Count} presentation contexts (SOP class and " +
                "transfer syntax pairs); one association carries at most 128: send them in smaller groups");
        }

        return options with { AdditionalPresentationContexts = extra };
    }

    private static async Task<(int Succeeded, int Warnings, long Bytes)> StoreAllAsync(
        DimseClient client, List<SendItem> items, List<string> failures, bool verbose, CancellationToken cancellationToken)
    {
        int succeeded = 0, warnings = 0;
        long bytes = 0;
        var accepted = client.Association.Parameters.PresentationContexts.Values
            .GroupBy(c => c.AbstractSyntax, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.TransferSyntax).ToList(), StringComparer.Ordinal);
        foreach (var item in items)
        {
            var syntaxes = accepted.GetValueOrDefault(item.SopClassUid) ?? [];
            var (dataset, syntax, problem) = await EncodeAsync(item, syntaxes, cancellationToken);
            if (problem is not null)
            {
                failures.Add($"{item.Path}: {problem}");
                continue;
            }

            var response = await client.StoreAsync(item.SopClassUid, item.SopInstanceUid, syntax!,
                new ReadOnlySequence<byte>(dataset), cancellationToken);
            var category = response.Status.Category;
            if (category is StatusCategory.Success or StatusCategory.Warning)
            {
                succeeded++;
                warnings += category == StatusCategory.Warning ? 1 : 0;
                bytes += dataset.Length;
                if (verbose)
                {
                    await Console.Out.WriteLineAsync($"{response.Status} {item.SopInstanceUid} {item.Path}".AsMemory(), cancellationToken);
                }
            }
            else
            {
                failures.Add($"{item.Path}: C-STORE status {response.Status}{(response.ErrorComment is { } c ? ": " + c : string.Empty)}");
            }
        }

        return (succeeded, warnings, bytes);
    }

    /// <summary>The dataset in a syntax the peer accepted: as stored, or re-encoded between uncompressed syntaxes.</summary>
    private static async Task<(ReadOnlyMemory<byte> Dataset, string? Syntax, string? Problem)> EncodeAsync(
        SendItem item, List<string> accepted, CancellationToken cancellationToken)
    {
        if (accepted.Count == 0)
        {
            return (default, null, $"the peer accepted no presentation context for SOP class {item.SopClassUid}");
        }

        try
        {
            if (accepted.Contains(item.TransferSyntax.Uid, StringComparer.Ordinal))
            {
                return (await item.ReadDatasetAsync(cancellationToken), item.TransferSyntax.Uid, null);
            }

            var target = accepted.Select(DicomTransferSyntax.FromUid).FirstOrDefault(t => !t.IsEncapsulated && !t.IsDeflated);
            if (target is null || item.TransferSyntax.IsEncapsulated || item.TransferSyntax.IsDeflated)
            {
                return (default, null,
                    $"stored as {item.TransferSyntax.Name}, but the peer accepted only {string.Join(", ", accepted)}");
            }

            var file = await DicomFile.OpenAsync(item.Path, null, cancellationToken);
            return (DicomDatasetCodec.Encode(file.Dataset, target), target.Uid, null);
        }
        catch (Exception ex) when (ex is DicomException or IOException or UnauthorizedAccessException)
        {
            return (default, null, ex.Message);
        }
    }

    private static DicomTransferSyntax ParseSyntax(string text) => text switch
    {
        "explicit" => DicomTransferSyntax.ExplicitVRLittleEndian,
        "implicit" => DicomTransferSyntax.ImplicitVRLittleEndian,
        "big" => DicomTransferSyntax.ExplicitVRBigEndian,
        _ when DicomTransferSyntax.IsTransferSyntaxUid(text) => DicomTransferSyntax.FromUid(text),
        _ => throw new UsageException($"unknown transfer syntax '{text}': use explicit, implicit, big or a transfer syntax UID"),
    };
}
