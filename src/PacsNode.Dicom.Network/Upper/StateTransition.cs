namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// One step of the state machine and what its action asks the transport to do: the PDU to send (null for none),
/// for A-ABORT its source, and whether the transport connection is to be closed.
/// </summary>
public sealed record StateTransition(
    UpperLayerState From, UpperLayerEvent Event, UpperLayerAction Action, UpperLayerState To, PduType? Send,
    AbortSource? AbortSource, bool CloseTransport);
