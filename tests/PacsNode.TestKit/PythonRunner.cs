namespace PacsNode.TestKit;

/// <summary>Runs Python scripts with one interpreter, for pydicom cross-checks.</summary>
public sealed class PythonRunner
{
    private readonly Lazy<Task<bool>> _pydicomProbe;

    public PythonRunner(string interpreterPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(interpreterPath);
        InterpreterPath = interpreterPath;
        _pydicomProbe = new Lazy<Task<bool>>(ProbePydicomAsync);
    }

    /// <summary>The interpreter, normally <c>/usr/bin/python3</c>.</summary>
    public string InterpreterPath { get; }

    /// <summary>Whether the interpreter exists.</summary>
    public bool IsInstalled => File.Exists(InterpreterPath);

    /// <summary>Whether <c>import pydicom</c> works with this interpreter (checked once per test run).</summary>
    public Task<bool> IsPydicomAvailableAsync(CancellationToken cancellationToken = default) =>
        _pydicomProbe.Value.WaitAsync(cancellationToken);

    /// <summary>Runs <c>python3 -c SCRIPT ARGS…</c>; in the script, <c>sys.argv[1:]</c> are the arguments.</summary>
    public Task<ToolResult> RunScriptAsync(
        string script,
        IEnumerable<string> arguments,
        ToolRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(arguments);
        return ExternalTool.RunAsync(InterpreterPath, ["-c", script, .. arguments], options, cancellationToken);
    }

    private async Task<bool> ProbePydicomAsync()
    {
        if (!IsInstalled)
        {
            return false;
        }

        var options = new ToolRunOptions { Timeout = TimeSpan.FromSeconds(60), LogToTestOutput = false };
        var result = await RunScriptAsync("import pydicom", [], options, CancellationToken.None);
        return result.ExitCode == 0;
    }
}
