namespace PacsNode.TestKit;

/// <summary>Finds the external programs the interop tests talk to.</summary>
public static class Tools
{
    /// <summary>The Debian interpreter, which sees the Debian python3-pydicom and numpy packages.</summary>
    public const string DebianPython = "/usr/bin/python3";

    /// <summary>Runs scripts with <see cref="DebianPython"/> (or <c>PACSNODE_PYTHON</c>) and probes for pydicom.</summary>
    public static PythonRunner Pydicom { get; } = new(
        Environment.GetEnvironmentVariable("PACSNODE_PYTHON") is { Length: > 0 } configured ? configured : DebianPython);

    /// <summary>
    /// The full path of an executable on <c>PATH</c> (or the given path, when it contains a slash and exists),
    /// or <see langword="null"/> when there is none.
    /// </summary>
    public static string? Find(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(name) ? Path.GetFullPath(name) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A DCMTK tool such as <c>dcmdump</c> or <c>storescp</c> (Debian package <c>dcmtk</c>), or null.</summary>
    public static string? Dcmtk(string name) => Find(name);

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
