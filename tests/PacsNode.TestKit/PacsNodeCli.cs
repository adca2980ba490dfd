namespace PacsNode.TestKit;

/// <summary>
/// Runs the built <c>pacsnode</c> program as a separate process: <c>dotnet pacsnode.dll ARGS…</c>. Test projects that
/// reference PacsNode.Host get <c>pacsnode.dll</c> copied next to their own assembly; otherwise the host's Release or
/// Debug output folder is used.
/// </summary>
public static class PacsNodeCli
{
    /// <summary>The file name of the host program.</summary>
    public const string AssemblyFileName = "pacsnode.dll";

    private static readonly Lazy<string> LazyAssemblyPath = new(FindAssembly);

    /// <summary>The full path of <c>pacsnode.dll</c>.</summary>
    /// <exception cref="FileNotFoundException">The host has not been built.</exception>
    public static string AssemblyPath => LazyAssemblyPath.Value;

    /// <summary>The <c>dotnet</c> executable that runs the tests (from <c>DOTNET_HOST_PATH</c>), else the one on PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";

    /// <summary>Runs <c>pacsnode ARGS…</c> to completion.</summary>
    public static Task<ToolResult> RunAsync(
        IEnumerable<string> arguments,
        ToolRunOptions? options = null,
        CancellationToken cancellationToken = default) =>
        ExternalTool.RunAsync(DotnetHost, [AssemblyPath, .. arguments], options, cancellationToken);

    /// <summary>Starts <c>pacsnode ARGS…</c>, for long-running commands such as <c>serve</c>.</summary>
    public static RunningTool Start(IEnumerable<string> arguments, ToolRunOptions? options = null) =>
        ExternalTool.Start(DotnetHost, [AssemblyPath, .. arguments], options);

    private static string FindAssembly()
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, AssemblyFileName),
            Repository.Path("src", "PacsNode.Host", "bin", "Release", "net10.0", AssemblyFileName),
            Repository.Path("src", "PacsNode.Host", "bin", "Debug", "net10.0", AssemblyFileName),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"{AssemblyFileName} is not built; looked in: {string.Join(", ", candidates)}", AssemblyFileName);
    }
}
