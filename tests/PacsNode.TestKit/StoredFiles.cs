namespace PacsNode.TestKit;

/// <summary>The files a node's file store holds, for tests that compare them with what was sent.</summary>
public static class StoredFiles
{
    /// <summary>
    /// Every file under <paramref name="instancesFolder"/> (temporary files in <c>.incoming</c> included, so a test can
    /// see one left behind) except the store journal's own (<c>.journal</c>: segments and checkpoint, not instances).
    /// </summary>
    public static string[] Under(string instancesFolder)
    {
        string journal = Path.Combine(instancesFolder, ".journal") + Path.DirectorySeparatorChar;
        return [.. Directory.GetFiles(instancesFolder, "*", SearchOption.AllDirectories)
            .Where(path => !path.StartsWith(journal, StringComparison.Ordinal))];
    }
}
