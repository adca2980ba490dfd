namespace PacsNode.TestKit;

/// <summary>
/// Guards for tests that need something outside the repository. When it is missing the test is skipped with a
/// reason (xunit v3 <c>Assert.Skip</c>), unless <c>PACSNODE_REQUIRE_TOOLS=1</c> is set: <c>scripts/test.sh</c> sets it
/// after it has made sure the Debian peers are installed, so a tool that still cannot be found fails the test.
/// </summary>
public static class RequiresTool
{
    /// <summary>Set to <c>1</c> to turn a missing tool into a failure instead of a skip.</summary>
    public const string RequireToolsVariable = "PACSNODE_REQUIRE_TOOLS";

    /// <summary>Returns the full path of <paramref name="name"/> on PATH, or skips the test.</summary>
    /// <param name="name">The executable, for example <c>dciodvfy</c>.</param>
    /// <param name="debianPackage">The Debian package that provides it, for the skip message.</param>
    public static string OnPath(string name, string debianPackage)
    {
        return Tools.Find(name)
            ?? Missing($"{name} is not on PATH; install the Debian package {debianPackage} " +
                       "(./scripts/test.sh does this when run as root)");
    }

    /// <summary>Returns the full path of a DCMTK tool (Debian package <c>dcmtk</c>), or skips the test.</summary>
    public static string Dcmtk(string name) => OnPath(name, "dcmtk");

    /// <summary>Returns the Python runner when <c>import pydicom</c> works, or skips the test.</summary>
    public static async Task<PythonRunner> PydicomAsync(CancellationToken cancellationToken = default)
    {
        var python = Tools.Pydicom;
        if (!await python.IsPydicomAvailableAsync(cancellationToken))
        {
            Missing($"{python.InterpreterPath} cannot import pydicom; install the Debian package python3-pydicom " +
                    "(./scripts/test.sh does this when run as root)");
        }

        return python;
    }

    /// <summary>Skips the test when the shared test data folder is missing. Never a failure: CI clones lack it.</summary>
    public static void SharedTestData()
    {
        if (!TestData.IsAvailable)
        {
            Assert.Skip($"shared test data not found at {TestData.Root} (set {TestData.EnvironmentVariable})");
        }
    }

    private static string Missing(string reason)
    {
        if (Environment.GetEnvironmentVariable(RequireToolsVariable) == "1")
        {
            Assert.Fail($"{reason}; {RequireToolsVariable}=1 says it should be installed");
        }

        Assert.Skip(reason);
        return reason;
    }
}
