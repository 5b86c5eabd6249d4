using System.Globalization;
using System.Text;

namespace Platform.Infrastructure.Eav.Sql;

/// <summary>
/// Accumulates SQL text and parameters. The only way a value reaches the SQL is
/// <see cref="Value"/>, which writes a placeholder; equal values share one parameter.
/// </summary>
internal sealed class SqlWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<SqlArgument> _arguments = [];
    private readonly Dictionary<SqlValue, string> _names = [];

    public SqlWriter Append(string sql)
    {
        _text.Append(sql);
        return this;
    }

    public SqlWriter Value(SqlValue value)
    {
        if (!_names.TryGetValue(value, out var name))
        {
            name = "@p" + _arguments.Count.ToString(CultureInfo.InvariantCulture);
            _names[value] = name;
            _arguments.Add(new SqlArgument(name, value.Value, value.Type));
        }

        _text.Append(name);
        return this;
    }

    /// <summary>Writes <paramref name="items"/> separated by <paramref name="separator"/>.</summary>
    public SqlWriter Join<T>(IEnumerable<T> items, string separator, Action<SqlWriter, T> write)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                _text.Append(separator);
            }

            first = false;
            write(this, item);
        }

        return this;
    }

    public EavSql ToSql() => new(_text.ToString(), _arguments.ToList());
}
