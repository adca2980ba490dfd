namespace PacsNode.Pipeline.Forwarding;

/// <summary>A Storage SCP results are forwarded to (one of the node's configured remotes).</summary>
public sealed record ForwardDestination(string AeTitle, string Host, int Port);
