using Microsoft.Data.Sqlite;

namespace PacsNode.Storage.Index;

/// <summary>
/// The index writer's prepared statements: one <see cref="SqliteCommand"/> per SQL text on the writer's single
/// connection, kept for the connection's life, so each insert binds parameters to an already compiled statement
/// instead of parsing and planning its SQL again (parsing was most of SQLite's time per stored instance). Not
/// thread-safe: it belongs to the one writer loop, like its connection.
/// </summary>
internal sealed class IndexCommands(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The transaction the commands run in; set when one begins.</summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>
    /// The patient, study and series keys the last upsert wrote or found, with the record values they were upserted
    /// from (see <see cref="IndexUpsert.Apply"/>); null after anything that may have changed or removed those rows.
    /// </summary>
    public ParentRows? LastParents { get; set; }

    /// <summary>The command for <paramref name="sql"/>, in the current transaction, with no parameters bound yet.</summary>
    public SqliteCommand Get(string sql)
    {
        if (!_commands.TryGetValue(sql, out SqliteCommand? command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>What <see cref="LastParents"/> holds.</summary>
    internal sealed record ParentRows(string Values, long Patient, long Study, long Series);

    public void Dispose()
    {
        foreach (SqliteCommand command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
