using PacsNode.Pipeline.Jobs;

namespace PacsNode.Pipeline.Forwarding;

/// <summary>Where a done job's result instances are sent, and how hard the pipeline tries.</summary>
public sealed record ForwardSettings
{
    /// <summary>The calling AE title the node uses for forwarding associations.</summary>
    public string CallingAeTitle { get; init; } = "PACSNODE";

    /// <summary>Known Storage SCPs by AE title (the node's remotes).</summary>
    public IReadOnlyDictionary<string, ForwardDestination> Remotes { get; init; } =
        new Dictionary<string, ForwardDestination>(StringComparer.Ordinal);

    /// <summary>Destinations (remote AE titles) by the calling AE title that sent the series.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByCallingAe { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Destinations for series from calling AEs not in <see cref="ByCallingAe"/>; empty: not forwarded.</summary>
    public IReadOnlyList<string> Default { get; init; } = [];

    public RetrySettings Retries { get; init; } = new()
    {
        MaxAttempts = 5,
        Backoff = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)],
    };

    /// <summary>Connect/response timeout of a forwarding association (its ARTIM timer; idle is four times it).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the DIMSE client may spool large responses.</summary>
    public string TempDirectory { get; init; } = Path.GetTempPath();

    /// <summary>The destinations for a series sent by <paramref name="callingAeTitle"/>.</summary>
    public IReadOnlyList<string> DestinationsFor(string? callingAeTitle) =>
        callingAeTitle is not null && ByCallingAe.TryGetValue(callingAeTitle, out IReadOnlyList<string>? destinations)
            ? destinations
            : Default;
}
