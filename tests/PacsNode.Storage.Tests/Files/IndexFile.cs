using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PacsNode.Storage.Tests.Files;

/// <summary>
/// An index file read and written behind the node's back, through unpooled connections of its own, so that nothing
/// stays open after a call (a power-loss snapshot copies the files; a held write lock must end when closed).
/// </summary>
internal static class IndexFile
{
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    public static void Execute(string path, string sql)
    {
        using SqliteConnection connection = Open(path);
        Execute(connection, sql);
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        _ = command.ExecuteNonQuery();
    }

    public static string ScalarText(string path, string sql)
    {
        using SqliteConnection connection = Open(path);
        return ScalarText(connection, sql);
    }

    public static string ScalarText(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    public static long CountInstances(string path)
    {
        using SqliteConnection connection = Open(path);
        return CountInstances(connection);
    }

    public static long CountInstances(SqliteConnection connection) =>
        long.Parse(ScalarText(connection, "SELECT COUNT(*) FROM instance"), CultureInfo.InvariantCulture);
}
