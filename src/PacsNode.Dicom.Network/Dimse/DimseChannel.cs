using System.Buffers;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>
/// DIMSE messages over an established association (PS3.7 section 8, PS3.8 Annex E): outgoing commands and datasets
/// become P-DATA fragments; incoming fragments are reassembled into a command (kept in memory, capped) followed
/// by its dataset (spooled). A fragment for a context that was not accepted, a dataset before its command, a
/// command fragment after the last one, or an undecodable command aborts the association.
/// </summary>
public sealed class DimseChannel(Association association, long spoolThreshold, string tempDirectory)
{
    /// <summary>Command sets are a few hundred bytes; anything past this is not a command.</summary>
    public const int MaxCommandLength = 64 * 1024;

    public Association Association { get; } = association;

    /// <summary>The next whole message, or null when the peer asked to release the association.</summary>
    public Task<DimseMessage?> ReceiveAsync(CancellationToken cancellationToken) => ReceiveAsync(true, cancellationToken);

    /// <summary>
    /// The next whole message; with <paramref name="idleTimeout"/> false the wait for each PDU is not bounded by the
    /// association's idle timeout (see <see cref="Association.ReceiveAsync(bool, CancellationToken)"/>).
    /// </summary>
    public async Task<DimseMessage?> ReceiveAsync(bool idleTimeout, CancellationToken cancellationToken)
    {
        var command = new ArrayBufferWriter<byte>();
        CommandSet? decoded = null;
        DatasetSpool? spool = null;
        AcceptedPresentationContext? context = null;
        try
        {
            while (true)
            {
                PDataTfPdu? pdu = await Association.ReceiveAsync(idleTimeout, cancellationToken).ConfigureAwait(false);
                if (pdu is null)
                {
                    if (context is not null)
                    {
                        throw await FailAsync("the peer asked to release in the middle of a message").ConfigureAwait(false);
                    }

                    return null;
                }

                foreach (PresentationDataValue pdv in pdu.Values)
                {
                    if (!Association.Parameters.PresentationContexts.TryGetValue(pdv.PresentationContextId, out var pc))
                    {
                        throw await FailAsync($"a PDV for presentation context {pdv.PresentationContextId}, which was not accepted")
                            .ConfigureAwait(false);
                    }

                    if (context is not null && context.Id != pc.Id)
                    {
                        throw await FailAsync($"a PDV for context {pc.Id} inside a message on context {context.Id}").ConfigureAwait(false);
                    }

                    context = pc;
                    if (pdv.IsCommand)
                    {
                        if (decoded is not null || command.WrittenCount + pdv.Data.Length > MaxCommandLength)
                        {
                            throw await FailAsync("a command fragment after the last one, or a command over 64 KB").ConfigureAwait(false);
                        }

                        command.Write(pdv.Data.Span);
                        if (pdv.IsLast)
                        {
                            decoded = await DecodeAsync(command.WrittenMemory).ConfigureAwait(false);
                            if (!decoded.HasDataset)
                            {
                                return new DimseMessage(pc, decoded, null);
                            }

                            spool = new DatasetSpool(spoolThreshold, tempDirectory);
                        }
                    }
                    else
                    {
                        if (spool is null)
                        {
                            throw await FailAsync("a dataset fragment before the end of its command, or for a command without one")
                                .ConfigureAwait(false);
                        }

                        // The PDU body is a fresh array per PDU (see PduReader), so the spool may keep it without a copy.
                        await spool.AdoptAsync(pdv.Data, cancellationToken).ConfigureAwait(false);
                        if (pdv.IsLast)
                        {
                            var message = new DimseMessage(pc, decoded!, spool);
                            spool = null;
                            return message;
                        }
                    }
                }
            }
        }
        finally
        {
            if (spool is not null)
            {
                await spool.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends a command and, when given, its dataset (already in the context's transfer syntax).</summary>
    public async Task SendAsync(
        byte presentationContextId, CommandSet command, ReadOnlySequence<byte>? dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await Association.SendPDataAsync(presentationContextId, true, new ReadOnlySequence<byte>(command.Encode()), cancellationToken)
            .ConfigureAwait(false);
        if (dataset is { } data)
        {
            await Association.SendPDataAsync(presentationContextId, false, data, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<CommandSet> DecodeAsync(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var command = CommandSet.Decode(new ReadOnlySequence<byte>(bytes));
            _ = command.Field;
            _ = command.HasDataset;
            return command;
        }
        catch (DicomException ex)
        {
            throw await Association.BreakAsync(
                new UpperLayerProtocolException($"the command set cannot be decoded: {ex.Message}", ex)).ConfigureAwait(false);
        }
    }

    private ValueTask<Exception> FailAsync(string what) =>
        Association.BreakAsync(new UpperLayerProtocolException(AbortReason.UnexpectedPduParameter, "DIMSE: " + what));
}
