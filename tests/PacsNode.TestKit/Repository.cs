namespace PacsNode.TestKit;

/// <summary>Paths of the source tree the tests were built from.</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The solution file that marks the repository root.</summary>
    public const string SolutionFileName = "PacsNode.sln";

    /// <summary>The folder that holds <c>PacsNode.sln</c>, found by walking up from the test assembly.</summary>
    /// <exception cref="InvalidOperationException">The tests do not run inside a PacsNode checkout.</exception>
    public static string Root => LazyRoot.Value;

    /// <summary>A path under the repository root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFileName} in {AppContext.BaseDirectory} or any folder above it.");
    }
}
