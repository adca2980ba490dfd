using System.Globalization;
using Microsoft.Data.Sqlite;
using PacsNode.Dicom.IO;
using PacsNode.Storage.Files;
using PacsNode.Storage.Index;
using PacsNode.Storage.Queries;
using PacsNode.TestKit;

namespace PacsNode.Storage.Tests;

/// <summary>A file store, an index and its writer in a temporary folder, wired as the C-STORE SCP will wire them.</summary>
internal sealed class StorageHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("storage");

    public StorageHarness(DuplicatePolicy policy = DuplicatePolicy.Keep)
    {
        Store = new InstanceStore(new InstanceStoreOptions
        {
            DataFolder = _temp.Combine("data"),
            DuplicatePolicy = policy,
            MinimumFreeBytes = 0,
        });
        DatabasePath = _temp.Combine("index.db");
        Database = IndexDatabase.Open(DatabasePath);
        Writer = new IndexWriter(Database, TimeProvider.System);
    }

    public InstanceStore Store { get; }

    public string DatabasePath { get; }

    public IndexDatabase Database { get; }

    public IndexWriter Writer { get; }

    public QueryService Queries(QueryOptions? options = null) => new(Database, options);

    public InstanceArchive Archive => new(Store, Writer, TimeProvider.System);

    /// <summary>Stores the file and indexes it, as the C-STORE SCP does.</summary>
    public Task<StoreResult> StoreAndIndexAsync(DicomFile file, CancellationToken cancellationToken) =>
        Archive.StoreAsync(file, cancellationToken);

    public Task<StoreResult> StoreAndIndexAsync(Stream part10, CancellationToken cancellationToken) =>
        Archive.StoreAsync(part10, cancellationToken);

    /// <summary>A count through a brand-new connection.</summary>
    public long Count(string table) => Count(Database, table);

    public static long Count(IndexDatabase database, string table)
    {
        using SqliteConnection connection = database.OpenConnection();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = table switch
        {
            "patient" or "study" or "series" or "instance" => $"SELECT COUNT(*) FROM {table}",
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
