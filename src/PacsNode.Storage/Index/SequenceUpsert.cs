using System.Globalization;
using System.Text;
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
            if (Render(sequence, 1) == RenderStored(commands, (int)level, owner, sequence.Tag))
            {
                // The owner already holds exactly these items (every instance of a PET series carries the same
                // Radiopharmaceutical Information Sequence): rewriting them would only add pages to the WAL.
                continue;
            }

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

    /// <summary>
    /// The items <see cref="WriteItems"/> would write for <paramref name="sequence"/>, as text: each item's number, its
    /// kept values in tag order and its nested sequences in tag order.
    /// </summary>
    private static string Render(DicomSequence sequence, int depth)
    {
        var text = new StringBuilder();
        for (int number = 0; number < sequence.Items.Count; number++)
        {
            DicomDataset item = sequence.Items[number];
            var values = new SortedDictionary<long, string>();
            var nested = new SortedDictionary<long, string>();
            foreach (DicomItem element in item)
            {
                if (element is DicomSequence child)
                {
                    if (depth < SequenceKeys.MaxDepth)
                    {
                        nested[child.Tag.Value] = Render(child, depth + 1);
                    }
                }
                else if (element is DicomElement { VR: var vr } && vr.IsString() && item.GetString(element.Tag) is { } value)
                {
                    values[element.Tag.Value] = Value(vr.ToString(), value);
                }
            }

            Append(text, number, values, nested);
        }

        return text.ToString();
    }

    /// <summary>The same text for the items stored under the owner for the top-level sequence <paramref name="tag"/>.</summary>
    private static string RenderStored(IndexCommands commands, int level, long owner, DicomTag tag)
    {
        var items = new List<(long Pk, long? Parent, long Tag, long Number)>();
        SqliteCommand selectItems = commands.Get(
            "SELECT pk, parent_pk, sequence_tag, item_number FROM sequence_item WHERE owner_level = $level AND owner_pk = $owner");
        selectItems.Parameters.AddWithValue("$level", level);
        selectItems.Parameters.AddWithValue("$owner", owner);
        using (SqliteDataReader reader = selectItems.ExecuteReader())
        {
            while (reader.Read())
            {
                items.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        var values = new Dictionary<long, SortedDictionary<long, string>>();
        SqliteCommand selectValues = commands.Get("""
            SELECT v.item_pk, v.tag, v.vr, v.value FROM sequence_value v JOIN sequence_item i ON i.pk = v.item_pk
            WHERE i.owner_level = $level AND i.owner_pk = $owner
            """);
        selectValues.Parameters.AddWithValue("$level", level);
        selectValues.Parameters.AddWithValue("$owner", owner);
        using (SqliteDataReader reader = selectValues.ExecuteReader())
        {
            while (reader.Read())
            {
                long item = reader.GetInt64(0);
                if (!values.TryGetValue(item, out SortedDictionary<long, string>? ofItem))
                {
                    values[item] = ofItem = [];
                }

                ofItem[reader.GetInt64(1)] = Value(reader.GetString(2), reader.GetString(3));
            }
        }

        return RenderStoredItems(items, values, null, tag.Value);
    }

    private static string RenderStoredItems(
        List<(long Pk, long? Parent, long Tag, long Number)> items, Dictionary<long, SortedDictionary<long, string>> values,
        long? parent, long tag)
    {
        var text = new StringBuilder();
        foreach ((long pk, _, _, long number) in items.Where(i => i.Parent == parent && i.Tag == tag).OrderBy(i => i.Number))
        {
            var nested = new SortedDictionary<long, string>();
            foreach (long childTag in items.Where(i => i.Parent == pk).Select(i => i.Tag).Distinct())
            {
                nested[childTag] = RenderStoredItems(items, values, pk, childTag);
            }

            Append(text, (int)number, values.GetValueOrDefault(pk) ?? [], nested);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, int number, SortedDictionary<long, string> values, SortedDictionary<long, string> nested)
    {
        text.Append(CultureInfo.InvariantCulture, $"[{number}");
        foreach ((long tag, string value) in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"|{tag}={value}");
        }

        foreach ((long tag, string items) in nested)
        {
            text.Append(CultureInfo.InvariantCulture, $"|{tag}({items})");
        }

        text.Append(']');
    }

    /// <summary>A value with its VR and length, so that no value can be mistaken for the separators around it.</summary>
    private static string Value(string vr, string value) => string.Create(CultureInfo.InvariantCulture, $"{vr}:{value.Length}:{value}");
}
