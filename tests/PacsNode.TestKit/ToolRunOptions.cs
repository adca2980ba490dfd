namespace PacsNode.TestKit;

/// <summary>How <see cref="ExternalTool"/> starts a program.</summary>
public sealed record ToolRunOptions
{
    /// <summary>The default for <see cref="Timeout"/>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The working directory; the test's current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set (or, with a null value, to remove) in the child's environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Text written to the child's stdin, which is then closed. Stdin is closed at once when null.</summary>
    public string? StandardInput { get; init; }

    /// <summary>After this long the process tree is killed and the run fails with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Whether the command line and its outputs go to the test's output.</summary>
    public bool LogToTestOutput { get; init; } = true;
}
