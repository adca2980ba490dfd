using PacsNode.Pipeline;
using PacsNode.Pipeline.Forwarding;
using PacsNode.Pipeline.Jobs;
using PacsNode.Pipeline.Stability;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Lesions;

namespace PacsNode.Host.Options;

/// <summary>
/// The auto-processing pipeline, bound from <c>PacsNode:Pipeline</c>. It runs when <see cref="Enabled"/> and a report
/// processor (<see cref="ISeriesProcessor"/>) is registered; otherwise nothing is announced and no job is made.
/// </summary>
internal sealed class PipelineOptions
{
    public const string SectionName = "PacsNode:Pipeline";

    private static readonly int[] DefaultBackoffSeconds = [5, 30, 120];
    private static readonly int[] DefaultForwardBackoffSeconds = [5, 30, 120, 600];

    public bool Enabled { get; set; } = true;

    /// <summary>A series is ready when its study received nothing for this long (or its slice count is reached).</summary>
    public int QuietSeconds { get; set; } = 30;

    /// <summary>Quiet time per calling AE title, overriding <see cref="QuietSeconds"/>.</summary>
    public Dictionary<string, int> QuietSecondsByCallingAe { get; } = new(StringComparer.Ordinal);

    /// <summary>Jobs processed at once.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Runs of a job (the first included) before it is parked.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Waits after the 1st, 2nd, … failed run, the last repeating; empty: 5, 30, 120.</summary>
    public List<int> BackoffSeconds { get; } = [];

    /// <summary>Series received this many hours before startup and not processed since are tracked again; 0: none.</summary>
    public int StartupScanHours { get; set; } = 24;

    /// <summary>Remote AE titles (of <c>PacsNode:Remotes</c>) results go to when the sender has no entry below.</summary>
    public List<string> ForwardDefault { get; } = [];

    /// <summary>Remote AE titles results go to, by the calling AE title that sent the series.</summary>
    public Dictionary<string, List<string>> ForwardByCallingAe { get; } = new(StringComparer.Ordinal);

    /// <summary>Tries of a forward delivery before it is parked (the dead-letter list).</summary>
    public int ForwardMaxAttempts { get; set; } = 5;

    /// <summary>Waits between forward tries, the last repeating; empty: 5, 30, 120, 600.</summary>
    public List<int> ForwardBackoffSeconds { get; } = [];

    /// <summary>Connect and response timeout of a forwarding association.</summary>
    public int ForwardTimeoutSeconds { get; set; } = 30;

    /// <summary>The kernels' backend for quantification: auto (CUDA when a GPU exists, else parallel), cuda, opencl, cpu, parallel, reference.</summary>
    public string Accelerator { get; set; } = "auto";

    /// <summary>How an automatically found lesion's VOI is cut: Percent41 (default), Percent50, FixedSuv, PercistLiver.</summary>
    public VoiThresholdMethod VoiThreshold { get; set; } = VoiThresholdMethod.Percent41;

    /// <summary>The SUVbw cut of <see cref="VoiThresholdMethod.FixedSuv"/>.</summary>
    public double FixedSuv { get; set; } = 2.5;

    /// <summary>After each series report, store the patient report when the patient has two or more PET studies (issue 6).</summary>
    public bool PatientReports { get; set; } = true;

    /// <summary>Patient assessment: what "early metabolic response" means for the ZEPHIR group (Percist, EortcAllLesions).</summary>
    public ResponseBasis ResponseBasis { get; set; } = ResponseBasis.Percist;

    /// <summary>Patient assessment: EORTC PMR from this SUVmax decrease (0.15 after one cycle).</summary>
    public double EortcPmrDecrease { get; set; } = 0.15;

    /// <summary>The patient assessment's settings (the others at their DOMAIN.md defaults).</summary>
    public AssessmentOptions ToAssessmentOptions() => new() { ResponseBasis = ResponseBasis, EortcPmrDecrease = EortcPmrDecrease };

    /// <summary>The library's settings.</summary>
    public PipelineSettings ToSettings(string nodeAeTitle, RemotesOptions remotes, string tempDirectory) => new()
    {
        Stability = new StabilitySettings
        {
            DefaultQuietTime = TimeSpan.FromSeconds(QuietSeconds),
            QuietTimeByCallingAe = QuietSecondsByCallingAe.ToDictionary(p => p.Key.Trim(), p => TimeSpan.FromSeconds(p.Value), StringComparer.Ordinal),
        },
        Workers = Workers,
        JobRetries = new RetrySettings { MaxAttempts = MaxAttempts, Backoff = Seconds(BackoffSeconds, DefaultBackoffSeconds) },
        StartupScanWindow = TimeSpan.FromHours(StartupScanHours),
        Forward = new ForwardSettings
        {
            CallingAeTitle = nodeAeTitle,
            Remotes = remotes.Remotes.ToDictionary(
                r => r.AeTitle.Trim(), r => new ForwardDestination(r.AeTitle.Trim(), r.Host, r.Port), StringComparer.Ordinal),
            Default = [.. ForwardDefault.Select(a => a.Trim())],
            ByCallingAe = ForwardByCallingAe.ToDictionary(
                p => p.Key.Trim(), p => (IReadOnlyList<string>)[.. p.Value.Select(a => a.Trim())], StringComparer.Ordinal),
            Retries = new RetrySettings { MaxAttempts = ForwardMaxAttempts, Backoff = Seconds(ForwardBackoffSeconds, DefaultForwardBackoffSeconds) },
            Timeout = TimeSpan.FromSeconds(ForwardTimeoutSeconds),
            TempDirectory = tempDirectory,
        },
    };

    private static TimeSpan[] Seconds(List<int> configured, int[] defaults) =>
        [.. (configured.Count == 0 ? defaults : [.. configured]).Select(s => TimeSpan.FromSeconds(s))];
}
