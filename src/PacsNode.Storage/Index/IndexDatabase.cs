using Microsoft.Data.Sqlite;
using PacsNode.Storage.Files;

namespace PacsNode.Storage.Index;

/// <summary>
/// The SQLite index file: opened in WAL mode with synchronous=FULL (a committed index row survives power loss as the
/// file does; synchronous=NORMAL under <see cref="StorageDurability.ProcessCrash"/>), migrated to the current schema on <see cref="Open(string, StorageDurability)"/>. Every caller gets its own short-lived
/// connection; writes go only through <see cref="IndexWriter"/>.
/// </summary>
public sealed class IndexDatabase
{
    private readonly string _connectionString;
    private readonly string _synchronous;

    private IndexDatabase(string path, StorageDurability durability)
    {
        _synchronous = durability == StorageDurability.ProcessCrash ? "NORMAL" : "FULL";
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>The schema version this code writes.</summary>
    public static int SchemaVersion => SchemaMigrator.LatestVersion;

    /// <summary>
    /// Opens (creating if needed) and migrates the index. Throws <see cref="IndexSchemaException"/> for a database
    /// newer than this code. Synchronous: call it at startup, not on a socket loop.
    /// </summary>
    public static IndexDatabase Open(string path) => Open(path, StorageDurability.PowerLoss);

    /// <summary>Opens the index with the commit durability that matches the file store's.</summary>
    public static IndexDatabase Open(string path, StorageDurability durability)
    {
        ArgumentNullException.ThrowIfNull(path);
        var database = new IndexDatabase(path, durability);
        using SqliteConnection connection = database.OpenConnection();
        using (SqliteCommand wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        SchemaMigrator.Migrate(connection);
        return database;
    }

    /// <summary>
    /// A new open connection with foreign keys on, synchronous=FULL (or NORMAL, see the constructor) and the PN matching function
    /// (<see cref="Queries.PersonNameMatcher"/>); the caller disposes it.
    /// </summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.CreateFunction<string?, string, long, bool>(
            Queries.PersonNameMatcher.SqlFunction,
            (stored, key, caseInsensitive) => Queries.PersonNameMatcher.Matches(stored, key, caseInsensitive != 0),
            isDeterministic: true);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA synchronous = {_synchronous};";
        command.ExecuteNonQuery();
        return connection;
    }
}
