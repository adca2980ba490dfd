using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Queries;

namespace PacsNode.Storage.Index;

/// <summary>
/// Writes a record's kept sequences (<see cref="SequenceKeys"/>) under their owner row, replacing the items the
/// owner had for that sequence: the newest instance carrying a sequence defines it. Text values only (binary VRs
/// are not matchable by C-FIND and are not kept); nested sequences are kept as child items.
/// </summary>
internal static class SequenceUpsert
{
    private const string DeleteSql =
        "DELETE FROM sequence_item WHERE owner_level = $level AND owner_pk = $owner AND sequence_tag = $tag AND parent_pk IS NULL";

    private const string ItemSql = """
        INSERT INTO sequence_item (owner_level, owner_pk, parent_pk, sequence_tag, item_number)
        VALUES ($level, $owner, $parent, $tag, $number) RETURNING pk;
        """;

    private const string ValueSql = "INSERT OR REPLACE INTO sequence_value (item_pk, tag, vr, value) VALUES ($item, $tag, $vr, $value)";

    public static void Apply(
        IndexCommands commands, IndexRecord record, long patient, long study, long series)
    {
        foreach (DicomSequence sequence in record.Sequences)
        {
            if (!SequenceKeys.TryGetLevel(sequence.Tag, out QueryLevel level))
            {
                continue;
            }

            long owner = level switch
            {
                QueryLevel.Patient => patient,
                QueryLevel.Study => study,
                _ => series,
            };
            SqliteCommand delete = commands.Get(DeleteSql);
            delete.Parameters.AddWithValue("$level", (int)level);
            delete.Parameters.AddWithValue("$owner", owner);
            delete.Parameters.AddWithValue("$tag", (long)sequence.Tag.Value);
            delete.ExecuteNonQuery();

            WriteItems(commands, (int)level, owner, null, sequence, 1);
        }
    }

    private static void WriteItems(
        IndexCommands commands, int level, long owner, long? parent, DicomSequence sequence, int depth)
    {
        for (int number = 0; number < sequence.Items.Count; number++)
        {
            DicomDataset item = sequence.Items[number];
            SqliteCommand insertItem = commands.Get(ItemSql);
            insertItem.Parameters.AddWithValue("$level", level);
            insertItem.Parameters.AddWithValue("$owner", owner);
            insertItem.Parameters.AddWithValue("$parent", (object?)parent ?? DBNull.Value);
            insertItem.Parameters.AddWithValue("$tag", (long)sequence.Tag.Value);
            insertItem.Parameters.AddWithValue("$number", number);
            long pk = (long)insertItem.ExecuteScalar()!;

            foreach (DicomItem element in item)
            {
                if (element is DicomSequence nested)
                {
                    if (depth < SequenceKeys.MaxDepth)
                    {
                        WriteItems(commands, level, owner, pk, nested, depth + 1);
                    }
                }
                else if (element is DicomElement { VR: var vr } && vr.IsString() && item.GetString(element.Tag) is { } value)
                {
                    SqliteCommand insert = commands.Get(ValueSql);
                    insert.Parameters.AddWithValue("$item", pk);
                    insert.Parameters.AddWithValue("$tag", (long)element.Tag.Value);
                    insert.Parameters.AddWithValue("$vr", vr.ToString());
                    insert.Parameters.AddWithValue("$value", value);
                    insert.ExecuteNonQuery();
                }
            }
        }
    }
}
