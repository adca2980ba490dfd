namespace PacsNode.Pipeline.Forwarding;

/// <summary>A claimed delivery: send the result instances of job <paramref name="JobId"/> to one AE.</summary>
/// <param name="Id">The delivery row's id.</param>
/// <param name="JobId">The done job whose results are sent.</param>
/// <param name="DestinationAeTitle">The remote's AE title (resolved to host and port through the remotes).</param>
/// <param name="Attempt">1 on the first try.</param>
/// <param name="SopInstanceUids">The job's result instances.</param>
public sealed record ForwardDelivery(long Id, long JobId, string DestinationAeTitle, int Attempt, IReadOnlyList<string> SopInstanceUids);
