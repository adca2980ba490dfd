namespace PacsNode.TestKit;

/// <summary>
/// The shared sample files: <c>../shared/testdata</c> next to the repository root, or the folder named by
/// <c>PACSNODE_TESTDATA</c>. They are not part of the repository, so tests that need them call
/// <see cref="RequiresTool.SharedTestData"/> first and skip when they are missing.
/// </summary>
public static class TestData
{
    /// <summary>Overrides where the shared test data lives.</summary>
    public const string EnvironmentVariable = "PACSNODE_TESTDATA";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);
    private static readonly Lazy<IReadOnlyList<string>> LazyPart10Files = new(FindPart10Files);

    /// <summary>The absolute path of the test data folder, whether or not it exists.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Whether the test data folder exists.</summary>
    public static bool IsAvailable => Directory.Exists(Root);

    /// <summary>A path under the test data folder, for example <c>TestData.Path("fo-dicom", "CT1_J2KI")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>
    /// Every DICOM Part 10 file under the test data folder, sorted: each <c>*.dcm</c> file, and each file without
    /// an extension that starts with the 128-byte preamble and <c>DICM</c>. Empty when the folder is missing.
    /// </summary>
    public static IReadOnlyList<string> AllPart10Files() => LazyPart10Files.Value;

    /// <summary>Whether the file starts with a 128-byte preamble followed by <c>DICM</c>.</summary>
    public static bool HasPart10Preamble(string path)
    {
        Span<byte> head = stackalloc byte[132];
        using var stream = File.OpenRead(path);
        stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return stream.Length >= head.Length && head[128..].SequenceEqual("DICM"u8);
    }

    private static string FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrEmpty(configured)
            ? System.IO.Path.GetFullPath(System.IO.Path.Combine(Repository.Root, "..", "shared", "testdata"))
            : System.IO.Path.GetFullPath(configured);
    }

    private static IReadOnlyList<string> FindPart10Files()
    {
        if (!IsAvailable)
        {
            return [];
        }

        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        var files = Directory.EnumerateFiles(Root, "*", enumeration)
            .Where(IsPart10File)
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.AsReadOnly();
    }

    private static bool IsPart10File(string path)
    {
        var extension = System.IO.Path.GetExtension(path);
        if (extension.Equals(".dcm", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return extension.Length == 0 && HasPart10Preamble(path);
    }
}
