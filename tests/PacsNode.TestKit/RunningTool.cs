using System.Diagnostics;
using System.Text;

namespace PacsNode.TestKit;

/// <summary>
/// An external program started by <see cref="ExternalTool"/>. Its stdout and stderr are captured as they arrive;
/// disposing it kills whatever is still running, the whole process tree, by handle, and writes the command and
/// its outputs to the test's output.
/// </summary>
public sealed class RunningTool : IAsyncDisposable
{
    private static readonly TimeSpan ExitGracePeriod = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly ToolRunOptions _options;
    private readonly CancellationTokenSource _timeout;
    private readonly Stopwatch _stopwatch;
    private readonly Lock _gate = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private readonly Task _stdinWriter;
    private TaskCompletionSource _outputChanged = NewSignal();
    private int _openStreams = 2;
    private bool _logged;

    internal RunningTool(string fileName, IEnumerable<string> arguments, ToolRunOptions options)
    {
        _options = options;
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = options.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        CommandLine = string.Join(' ', startInfo.ArgumentList.Prepend(fileName).Select(Quote));
        _process = new Process { StartInfo = startInfo };
        _timeout = new CancellationTokenSource(options.Timeout);
        _stopwatch = Stopwatch.StartNew();
        try
        {
            _process.Start();
        }
        catch
        {
            _process.Dispose();
            _timeout.Dispose();
            throw;
        }

        ProcessId = _process.Id;
        _stdoutPump = PumpAsync(_process.StandardOutput, _stdout);
        _stderrPump = PumpAsync(_process.StandardError, _stderr);
        _stdinWriter = WriteStandardInputAsync(options.StandardInput);
    }

    /// <summary>The program and its arguments, quoted for reading.</summary>
    public string CommandLine { get; }

    /// <summary>The operating-system id of the process.</summary>
    public int ProcessId { get; }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything written to stdout so far.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Everything written to stderr so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Waits until stdout or stderr contains <paramref name="text"/> (ordinal). Fails if the program closes both
    /// outputs first, and throws <see cref="TimeoutException"/> when the run's timeout passes.
    /// </summary>
    public async Task WaitForOutputAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_stdout.ToString().Contains(text, StringComparison.Ordinal)
                    || _stderr.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                if (_openStreams == 0)
                {
                    Assert.Fail($"'{CommandLine}' ended without writing '{text}'.\n{DescribeOutputs()}");
                }

                changed = _outputChanged.Task;
            }

            try
            {
                await changed.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (IsOwnTimeout(cancellationToken))
            {
                throw new TimeoutException(
                    $"'{CommandLine}' did not write '{text}' within {_options.Timeout}.\n{DescribeOutputs()}");
            }
        }
    }

    /// <summary>
    /// Waits for the program to exit and for its outputs to close. On the run's timeout the process tree is killed
    /// and a <see cref="TimeoutException"/> carrying the outputs is thrown.
    /// </summary>
    public async Task<ToolResult> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
        try
        {
            await _process.WaitForExitAsync(linked.Token);
            await Task.WhenAll(_stdoutPump, _stderrPump, _stdinWriter).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (IsOwnTimeout(cancellationToken))
        {
            KillTree();
            WriteToTestOutput($"timed out after {_options.Timeout}; process tree killed");
            throw new TimeoutException($"'{CommandLine}' did not finish within {_options.Timeout}.\n{DescribeOutputs()}");
        }
        catch (OperationCanceledException)
        {
            KillTree();
            WriteToTestOutput("cancelled; process tree killed");
            throw;
        }

        _stopwatch.Stop();
        var result = new ToolResult(CommandLine, _process.ExitCode, StandardOutput, StandardError, _stopwatch.Elapsed);
        WriteToTestOutput($"exit code {result.ExitCode} after {result.Elapsed.TotalMilliseconds:F0} ms");
        return result;
    }

    /// <summary>Sends SIGTERM, the polite request to stop (Unix only).</summary>
    public void Terminate() => SendSignal(NativeMethods.SigTerm);

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal does (Unix only).</summary>
    public void Interrupt() => SendSignal(NativeMethods.SigInt);

    /// <summary>SIGKILL (kill -9) for the whole process tree, then waits for the exit: a crash, for durability tests.</summary>
    public async Task KillAsync(CancellationToken cancellationToken = default)
    {
        KillTree();
        await _process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>Kills whatever is still running, waits briefly for it, and logs the outputs once.</summary>
    public async ValueTask DisposeAsync()
    {
        KillTree();
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(ExitGracePeriod);
            await Task.WhenAll(_stdoutPump, _stderrPump, _stdinWriter).WaitAsync(ExitGracePeriod);
        }
        catch (TimeoutException)
        {
            WriteToTestOutput($"still running {ExitGracePeriod} after the kill");
        }

        WriteToTestOutput(null);
        _process.Dispose();
        _timeout.Dispose();
    }

    private void SendSignal(int signal)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("POSIX signals need Linux or macOS.");
        }

        if (NativeMethods.Kill(ProcessId, signal) != 0 && !_process.HasExited)
        {
            throw new InvalidOperationException($"kill({ProcessId}, {signal}) failed for '{CommandLine}'.");
        }
    }

    private void KillTree()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    private bool IsOwnTimeout(CancellationToken callerToken) =>
        _timeout.IsCancellationRequested && !callerToken.IsCancellationRequested;

    private async Task PumpAsync(StreamReader reader, StringBuilder buffer)
    {
        var chunk = new char[4096];
        try
        {
            int count;
            while ((count = await reader.ReadAsync(chunk, CancellationToken.None)) > 0)
            {
                lock (_gate)
                {
                    buffer.Append(chunk, 0, count);
                    SignalChange();
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _openStreams--;
                SignalChange();
            }
        }
    }

    private async Task WriteStandardInputAsync(string? input)
    {
        var stdin = _process.StandardInput;
        try
        {
            if (input is not null)
            {
                await stdin.WriteAsync(input.AsMemory(), CancellationToken.None);
            }

            await stdin.DisposeAsync();
        }
        catch (IOException)
        {
            // The program exited, or closed stdin, before reading all of its input: its exit code tells the story.
        }
    }

    private void SignalChange()
    {
        var changed = _outputChanged;
        _outputChanged = NewSignal();
        changed.TrySetResult();
    }

    private string DescribeOutputs() => $"--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";

    /// <summary>Writes a status line, and the command with its outputs the first time, to the test's output.</summary>
    private void WriteToTestOutput(string? status)
    {
        var output = TestContext.Current.TestOutputHelper;
        if (!_options.LogToTestOutput || output is null)
        {
            return;
        }

        if (!_logged)
        {
            _logged = true;
            output.WriteLine($"$ {CommandLine}");
            if (status is not null)
            {
                output.WriteLine(status);
            }

            output.WriteLine(DescribeOutputs());
        }
        else if (status is not null)
        {
            output.WriteLine($"{CommandLine}: {status}");
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or '$')
            ? argument
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
