using Microsoft.Data.Sqlite;

namespace PacsNode.Storage.Index;

/// <summary>Single-row reads of the index used by the store path (on the thread pool: SQLite is synchronous).</summary>
internal static class IndexLookup
{
    /// <summary>The file path indexed for a SOP Instance UID, or null when the UID is not indexed.</summary>
    public static Task<string?> FindFilePathAsync(IndexDatabase database, string sopInstanceUid, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using SqliteConnection connection = database.OpenConnection();
                using SqliteCommand command = connection.CreateCommand();
                command.CommandText = "SELECT file_path FROM instance WHERE sop_instance_uid = $uid";
                command.Parameters.AddWithValue("$uid", sopInstanceUid);
                return command.ExecuteScalar() as string;
            },
            cancellationToken);
}
