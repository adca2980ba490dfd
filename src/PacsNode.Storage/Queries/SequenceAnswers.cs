using System.Globalization;
using Microsoft.Data.Sqlite;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Storage.Queries;

/// <summary>
/// The value of a sequence key in a C-FIND answer: every stored item of the owner's sequence, each with the keys the
/// request's item names (stored value, or empty when the item has none), or with everything stored when the request
/// gave no item or an empty one (PS3.4 C.2.2.2.6: universal matching returns the whole sequence). Loaded as text
/// first so that the answer's character set can be chosen before anything is encoded.
/// </summary>
internal sealed class SequenceAnswers
{
    private readonly Dictionary<long, List<Node>> _children = [];
    private readonly List<Node> _roots = [];

    private SequenceAnswers()
    {
    }

    /// <summary>Whether any value to return is outside ASCII.</summary>
    public bool NeedsUnicode { get; private set; }

    public static SequenceAnswers Load(SqliteConnection connection, QueryLevel ownerLevel, long ownerPk, DicomSequence key)
    {
        var answers = new SequenceAnswers();
        var nodes = new Dictionary<long, Node>();
        using (SqliteCommand items = connection.CreateCommand())
        {
            items.CommandText = "SELECT pk, parent_pk, sequence_tag FROM sequence_item " +
                "WHERE owner_level = $level AND owner_pk = $owner ORDER BY parent_pk, item_number";
            items.Parameters.AddWithValue("$level", (int)ownerLevel);
            items.Parameters.AddWithValue("$owner", ownerPk);
            using SqliteDataReader reader = items.ExecuteReader();
            while (reader.Read())
            {
                var node = new Node(reader.GetInt64(0), DicomTag.FromValue((uint)reader.GetInt64(2)));
                nodes[node.Pk] = node;
                if (reader.IsDBNull(1))
                {
                    if (node.Tag == key.Tag)
                    {
                        answers._roots.Add(node);
                    }
                }
                else
                {
                    long parent = reader.GetInt64(1);
                    if (!answers._children.TryGetValue(parent, out List<Node>? list))
                    {
                        answers._children[parent] = list = [];
                    }

                    list.Add(node);
                }
            }
        }

        using SqliteCommand values = connection.CreateCommand();
        values.CommandText = "SELECT v.item_pk, v.tag, v.vr, v.value FROM sequence_value v JOIN sequence_item i ON i.pk = v.item_pk " +
            "WHERE i.owner_level = $level AND i.owner_pk = $owner";
        values.Parameters.AddWithValue("$level", (int)ownerLevel);
        values.Parameters.AddWithValue("$owner", ownerPk);
        using SqliteDataReader valueReader = values.ExecuteReader();
        while (valueReader.Read())
        {
            if (nodes.TryGetValue(valueReader.GetInt64(0), out Node? node))
            {
                string value = valueReader.GetString(3);
                answers.NeedsUnicode |= !System.Text.Ascii.IsValid(value);
                node.Values.Add((DicomTag.FromValue((uint)valueReader.GetInt64(1)),
                    Enum.Parse<DicomVR>(valueReader.GetString(2), ignoreCase: false), value));
            }
        }

        return answers;
    }

    /// <summary>The sequence, its items parented to <paramref name="answer"/> so they encode in its character set.</summary>
    public DicomSequence Build(DicomDataset answer, DicomSequence key)
    {
        DicomDataset? template = key.Items.Count > 0 && key.Items[0].Count > 0 ? key.Items[0] : null;
        return new DicomSequence(key.Tag, _roots.Select(node => BuildItem(node, template, answer)).ToList());
    }

    private DicomDataset BuildItem(Node node, DicomDataset? template, DicomDataset parent)
    {
        var item = new DicomDataset { Parent = parent };
        List<Node> children = _children.TryGetValue(node.Pk, out List<Node>? list) ? list : [];
        if (template is null)
        {
            foreach ((DicomTag tag, DicomVR vr, string value) in node.Values)
            {
                item.SetString(tag, vr, value);
            }

            foreach (IGrouping<DicomTag, Node> nested in children.GroupBy(c => c.Tag))
            {
                item.AddOrUpdate(new DicomSequence(nested.Key, nested.Select(c => BuildItem(c, null, item)).ToList()));
            }

            return item;
        }

        foreach (DicomItem requested in template)
        {
            if (requested is DicomSequence nestedKey)
            {
                DicomDataset? nestedTemplate = nestedKey.Items.Count > 0 && nestedKey.Items[0].Count > 0 ? nestedKey.Items[0] : null;
                item.AddOrUpdate(new DicomSequence(requested.Tag,
                    children.Where(c => c.Tag == requested.Tag).Select(c => BuildItem(c, nestedTemplate, item)).ToList()));
            }
            else
            {
                (DicomTag Tag, DicomVR VR, string Value) stored = node.Values.Find(v => v.Tag == requested.Tag);
                item.SetString(requested.Tag, stored.Value is null ? requested.VR : stored.VR, stored.Value ?? string.Empty);
            }
        }

        return item;
    }

    private sealed class Node(long pk, DicomTag tag)
    {
        public long Pk { get; } = pk;

        public DicomTag Tag { get; } = tag;

        public List<(DicomTag Tag, DicomVR VR, string Value)> Values { get; } = [];

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tag} item {Pk}");
    }
}
