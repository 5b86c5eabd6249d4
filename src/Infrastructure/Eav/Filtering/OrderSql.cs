using Platform.Application.Eav.Filtering.Bound;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Domain.Eav.Values;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Sql;

namespace Platform.Infrastructure.Eav.Filtering;

/// <summary>
/// ORDER BY and the keyset seek predicate for any mix of directions. An attribute sorts by the
/// dialect's sort expressions, so missing values come after every value ascending and before
/// them descending; the id tiebreak follows the last key's direction. The seek is
/// <c>bound AND exact</c>: <c>exact</c> is the expanded lexicographic "after" — (k1 after v1) OR
/// (k1 = v1 AND k2 after v2) OR … OR (all equal AND id after) — correct for any directions and
/// missing values; <c>bound</c> is a redundant range on the first key
/// (<see cref="EavDialect.WriteSeekBound"/>), which the planner turns into an index seek.
/// </summary>
internal static class OrderSql
{
    public static void WriteOrderBy(SqlWriter w, EavDialect dialect, IReadOnlyList<SortKey> keys)
    {
        foreach (var key in keys)
        {
            w.Join(dialect.SortExpressions(key.Field), ", ", (x, e) => x.Append(e).Append(key.Descending ? " DESC" : " ASC")).Append(", ");
        }

        w.Append(dialect.IdExpression).Append(EntityOrdering.IdDescending(keys) ? " DESC" : " ASC");
    }

    public static void WriteSeek(SqlWriter w, EavDialect dialect, IReadOnlyList<SortKey> keys, SortCursor cursor)
    {
        w.Append("(");
        if (keys.Count > 0 && cursor.Values[0] is { } first)
        {
            dialect.WriteSeekBound(w, keys[0].Field, keys[0].Descending, first);
            w.Append(" AND ");
        }

        var disjuncts = new List<int>();
        for (var i = 0; i <= keys.Count; i++)
        {
            // Nothing sorts after a missing value in ascending order except other missing values.
            if (i == keys.Count || keys[i].Descending || cursor.Values[i] is not null)
            {
                disjuncts.Add(i);
            }
        }

        w.Append("(").Join(disjuncts, " OR ", (x, i) => Disjunct(x, dialect, keys, cursor, i)).Append("))");
    }

    private static void Disjunct(SqlWriter w, EavDialect dialect, IReadOnlyList<SortKey> keys, SortCursor cursor, int prefix)
    {
        w.Append("(");
        for (var j = 0; j < prefix; j++)
        {
            Equal(w, dialect, keys[j].Field, cursor.Values[j]);
            w.Append(" AND ");
        }

        if (prefix < keys.Count)
        {
            After(w, dialect, keys[prefix], cursor.Values[prefix]);
        }
        else
        {
            w.Append(dialect.IdExpression).Append(EntityOrdering.IdDescending(keys) ? " < " : " > ")
             .Value(new SqlValue(cursor.Id, SqlArgumentType.Text));
        }

        w.Append(")");
    }

    private static void Equal(SqlWriter w, EavDialect dialect, FilterField field, AttributeValue? value)
    {
        w.Append(dialect.FieldExpression(field));
        if (value is null)
        {
            w.Append(" IS NULL");
        }
        else
        {
            w.Append(" = ").Value(dialect.Argument(field, value));
        }
    }

    private static void After(SqlWriter w, EavDialect dialect, SortKey key, AttributeValue? value)
    {
        var expression = dialect.FieldExpression(key.Field);
        if (value is null)
        {
            // Descending puts missing values first; every present value comes after them.
            w.Append(expression).Append(" IS NOT NULL");
        }
        else if (key.Descending)
        {
            w.Append(expression).Append(" < ").Value(dialect.Argument(key.Field, value));
        }
        else
        {
            w.Append("(").Append(expression).Append(" > ").Value(dialect.Argument(key.Field, value))
             .Append(" OR ").Append(expression).Append(" IS NULL)");
        }
    }
}
