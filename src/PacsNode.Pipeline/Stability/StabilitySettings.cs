namespace PacsNode.Pipeline.Stability;

/// <summary>How long a study must be quiet before its series are ready.</summary>
public sealed record StabilitySettings
{
    /// <summary>The quiet time for calling AEs not listed in <see cref="QuietTimeByCallingAe"/>.</summary>
    public TimeSpan DefaultQuietTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Per calling AE title (exact, trimmed) quiet times.</summary>
    public IReadOnlyDictionary<string, TimeSpan> QuietTimeByCallingAe { get; init; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    public TimeSpan QuietTimeFor(string? callingAeTitle) =>
        callingAeTitle is not null && QuietTimeByCallingAe.TryGetValue(callingAeTitle, out TimeSpan quiet) ? quiet : DefaultQuietTime;
}
