using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Dimse;

/// <summary>A reassembled DIMSE message: its command and, when the command says one follows, its dataset.</summary>
public sealed class DimseMessage(AcceptedPresentationContext context, CommandSet command, DatasetSpool? dataset) : IAsyncDisposable
{
    public AcceptedPresentationContext PresentationContext { get; } = context;

    public CommandSet Command { get; } = command;

    /// <summary>The dataset bytes in the context's transfer syntax, or null when the command carries none.</summary>
    public DatasetSpool? Dataset { get; } = dataset;

    public ValueTask DisposeAsync() => Dataset?.DisposeAsync() ?? ValueTask.CompletedTask;
}
