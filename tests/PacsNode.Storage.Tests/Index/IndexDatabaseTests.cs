using System.Globalization;
using Microsoft.Data.Sqlite;
using PacsNode.Storage.Index;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Storage.Tests.Index;

public sealed class IndexDatabaseTests : IDisposable
{
    private readonly TempDirectory _temp = new("index");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public void Open_NewFile_AppliesSchemaInWalMode()
    {
        var database = IndexDatabase.Open(_temp.Combine("index.db"));

        using SqliteConnection connection = database.OpenConnection();
        Assert.Equal(IndexDatabase.SchemaVersion, Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(4L, Scalar(connection,
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('patient', 'study', 'series', 'instance')"));
    }

    [Theory]
    [InlineData(PacsNode.Storage.Files.StorageDurability.PowerLoss, 2L)]
    [InlineData(PacsNode.Storage.Files.StorageDurability.ProcessCrash, 1L)]
    public void OpenConnection_Durability_SetsSynchronousFullOrNormal(PacsNode.Storage.Files.StorageDurability durability, long expected)
    {
        var database = IndexDatabase.Open(_temp.Combine("index.db"), durability);

        using SqliteConnection connection = database.OpenConnection();
        Assert.Equal(expected, Scalar(connection, "PRAGMA synchronous"));   // FULL = 2, NORMAL = 1
    }

    [Fact]
    public void Open_Twice_KeepsVersionAndData()
    {
        string path = _temp.Combine("index.db");
        var first = IndexDatabase.Open(path);
        using (SqliteConnection connection = first.OpenConnection())
        {
            Scalar(connection, "INSERT INTO patient (patient_id) VALUES ('kept')");
        }

        SqliteConnection.ClearAllPools();
        var second = IndexDatabase.Open(path);

        using SqliteConnection again = second.OpenConnection();
        Assert.Equal(1L, Scalar(again, "SELECT COUNT(*) FROM patient WHERE patient_id = 'kept'"));
        Assert.Equal((long)IndexDatabase.SchemaVersion, Scalar(again, "PRAGMA user_version"));
    }

    [Fact]
    public void Open_DatabaseNewerThanCode_ThrowsIndexSchemaException()
    {
        string path = _temp.Combine("index.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Scalar(connection, $"PRAGMA user_version = {IndexDatabase.SchemaVersion + 1}");
        }

        var exception = Assert.Throws<IndexSchemaException>(() => IndexDatabase.Open(path));

        Assert.Contains("newer", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Version1Database_MigratesAndBackfillsCombinedStudyDateTime()
    {
        string path = _temp.Combine("index.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            SchemaMigrator.Migrate(connection, 1);
            long tenFifteen = (long)new TimeSpan(10, 15, 0).TotalMicroseconds;
            Scalar(connection, "INSERT INTO patient (pk, patient_id) VALUES (1, 'P')");
            Scalar(connection, "INSERT INTO study (patient_pk, study_uid, study_date_key, study_time_key) " +
                $"VALUES (1, '1.2.3', '20240115', {tenFifteen})");
            Assert.Equal(1L, Scalar(connection, "PRAGMA user_version"));
        }

        var database = IndexDatabase.Open(path);

        using SqliteConnection migrated = database.OpenConnection();
        Assert.Equal((long)IndexDatabase.SchemaVersion, Scalar(migrated, "PRAGMA user_version"));
        Assert.Equal(1L, Scalar(migrated, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_series_study_modality'"));
        Assert.Equal(0L, Scalar(migrated, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_series_study'"));
        long expected = new DateTime(2024, 1, 15, 10, 15, 0, DateTimeKind.Unspecified).Ticks / TimeSpan.TicksPerMicrosecond;
        Assert.Equal(expected, Scalar(migrated, "SELECT study_datetime_key FROM study WHERE study_uid = '1.2.3'"));
    }

    [Fact]
    public void Open_Version4Database_FlagsNamesWithComponentGroups()
    {
        string path = _temp.Combine("index.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            SchemaMigrator.Migrate(connection, 4);
            Scalar(connection, "INSERT INTO patient (patient_id, patient_name) VALUES ('J', 'Yamada^Tarou=山田^太郎'), ('D', 'Doe^John')");
        }

        var database = IndexDatabase.Open(path);

        using SqliteConnection migrated = database.OpenConnection();
        Assert.Equal(1L, Scalar(migrated, "SELECT patient_name_groups FROM patient WHERE patient_id = 'J'"));
        Assert.Equal(0L, Scalar(migrated, "SELECT patient_name_groups FROM patient WHERE patient_id = 'D'"));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
