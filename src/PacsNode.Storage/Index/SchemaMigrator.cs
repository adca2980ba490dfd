using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PacsNode.Storage.Index;

/// <summary>
/// Applies the embedded numbered scripts Schema/NNNN_name.sql in order, each with its PRAGMA user_version update in
/// one transaction, and refuses a database whose version is newer than the newest script.
/// </summary>
internal static class SchemaMigrator
{
    private const string Prefix = "PacsNode.Storage.Schema.";

    /// <summary>The schema version this code writes: the number of the newest embedded script.</summary>
    public static int LatestVersion => Scripts.Value[^1].Version;

    private static Lazy<List<(int Version, string Sql)>> Scripts { get; } = new(LoadScripts);

    public static int GetVersion(SqliteConnection connection)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Brings the database to <see cref="LatestVersion"/>; returns the number of scripts applied.</summary>
    public static int Migrate(SqliteConnection connection) => Migrate(connection, LatestVersion);

    /// <summary>Brings the database to <paramref name="target"/> (tests build older databases with it).</summary>
    internal static int Migrate(SqliteConnection connection, int target)
    {
        int current = GetVersion(connection);
        if (current > LatestVersion)
        {
            throw new IndexSchemaException(
                $"The index database has schema version {current}, newer than {LatestVersion} which this PacsNode knows; " +
                "refusing to open it. Use the PacsNode version that wrote it.");
        }

        int applied = 0;
        foreach ((int version, string sql) in Scripts.Value.Where(s => s.Version > current && s.Version <= target))
        {
            using SqliteTransaction transaction = connection.BeginTransaction();
            using SqliteCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql + $"\nPRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)};";
            command.ExecuteNonQuery();
            transaction.Commit();
            applied++;
        }

        return applied;
    }

    private static List<(int Version, string Sql)> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<(int Version, string Sql)>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            string file = name[Prefix.Length..];
            int version = int.Parse(file.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (int i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Schema scripts must be numbered 0001, 0002, … without gaps; found {scripts[i].Version} at {i + 1}.");
            }
        }

        return scripts;
    }
}
