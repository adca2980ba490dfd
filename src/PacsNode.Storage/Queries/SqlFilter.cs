using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PacsNode.Storage.Queries;

/// <summary>WHERE clauses with their parameters. Values only ever travel as parameters, never as SQL text.</summary>
internal sealed class SqlFilter
{
    private readonly List<string> _clauses = [];
    private readonly List<(string Name, object Value)> _parameters = [];
    private int _aliases;

    public IReadOnlyList<string> Clauses => _clauses;

    /// <summary>Adds a parameter and returns its name.</summary>
    public string Parameter(object value)
    {
        string name = "$p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, value));
        return name;
    }

    public void Where(string clause) => _clauses.Add(clause);

    /// <summary>A table alias not used before in this statement (for correlated subqueries).</summary>
    public string Alias(string prefix) => prefix + (++_aliases).ToString(CultureInfo.InvariantCulture);

    public string WhereClause => _clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", _clauses);

    public void Bind(SqliteCommand command)
    {
        foreach ((string name, object value) in _parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
