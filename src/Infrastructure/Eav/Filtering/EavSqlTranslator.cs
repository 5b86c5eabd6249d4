using System.Globalization;
using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Sql;

namespace Platform.Infrastructure.Eav.Filtering;

/// <summary>
/// Compiles bound filters, sorts and keyset positions to parameterised SQL over
/// <see cref="EavTable"/> for one <see cref="EavDialect"/>. Values only ever travel as
/// parameters; the SQL text holds column names, validated attribute keys and operators.
/// </summary>
public sealed class EavSqlTranslator(EavDialect dialect)
{
    public EavDialect Dialect => dialect;

    /// <summary>Just the predicate for <paramref name="filter"/> ("TRUE" when null), parameters from @p0.</summary>
    public EavSql Where(BoundFilter? filter)
    {
        var w = new SqlWriter();
        if (filter is null)
        {
            w.Append("TRUE");
        }
        else
        {
            FilterSql.Write(w, dialect, filter);
        }

        return w.ToSql();
    }

    /// <summary>
    /// <c>SELECT columns FROM entities WHERE scope AND filter AND seek ORDER BY … LIMIT n</c>.
    /// Read the rows in order; the cursor for the next page is
    /// <see cref="Application.Eav.Filtering.Ordering.SortCursor.After"/> of the last row kept.
    /// </summary>
    public EavSql List(EavListQuery query, string columns = EavTable.DefaultColumns)
    {
        var w = new SqlWriter().Append($"SELECT {columns} FROM {EavTable.Name} WHERE ");
        Scope(w, query.TenantId, query.TypeId, query.IncludeDeleted, query.Filter);
        if (query.After is { } after)
        {
            w.Append(" AND ");
            OrderSql.WriteSeek(w, dialect, query.Order, after);
        }

        w.Append(" ORDER BY ");
        OrderSql.WriteOrderBy(w, dialect, query.Order);
        w.Append(" LIMIT ").Value(new SqlValue((long)query.Limit, SqlArgumentType.Int64));
        return w.ToSql();
    }

    /// <summary><c>SELECT COUNT(*)</c> of the live entities matching <paramref name="filter"/>.</summary>
    public EavSql Count(string tenantId, string typeId, BoundFilter? filter)
    {
        var w = new SqlWriter().Append($"SELECT COUNT(*) FROM {EavTable.Name} WHERE ");
        Scope(w, tenantId, typeId, includeDeleted: false, filter);
        return w.ToSql();
    }

    /// <summary>
    /// Values of <paramref name="attribute"/> held by more than one live entity, with how many
    /// (the check before making an attribute unique): columns (value, count), at most
    /// <paramref name="limit"/> rows.
    /// </summary>
    public EavSql DuplicateValues(string tenantId, string typeId, AttributeDefinition attribute, int limit)
    {
        var expression = dialect.AttributeExpression(attribute);
        var w = new SqlWriter().Append($"SELECT {expression}, COUNT(*) FROM {EavTable.Name} WHERE ");
        Scope(w, tenantId, typeId, includeDeleted: false, filter: null);
        w.Append($" AND {expression} IS NOT NULL GROUP BY {expression} HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC LIMIT ")
         .Append(limit.ToString(CultureInfo.InvariantCulture));
        return w.ToSql();
    }

    /// <summary>
    /// <c>SELECT columns FROM entities WHERE scope AND filter</c> followed by <paramref name="tail"/>
    /// (fixed SQL such as ORDER BY or LIMIT; never values).
    /// </summary>
    public EavSql Select(string columns, string tenantId, string typeId, bool includeDeleted, BoundFilter? filter, string tail = "")
    {
        var w = new SqlWriter().Append($"SELECT {columns} FROM {EavTable.Name} WHERE ");
        Scope(w, tenantId, typeId, includeDeleted, filter);
        return w.Append(tail).ToSql();
    }

    /// <summary>
    /// The live entities holding a value of <paramref name="attribute"/> that another live entity
    /// holds too: <c>SELECT columns … WHERE expr IN (duplicated values)</c> plus <paramref name="tail"/>.
    /// </summary>
    public EavSql DuplicateHolders(string columns, string tenantId, string typeId, AttributeDefinition attribute, string tail = "")
    {
        var expression = dialect.AttributeExpression(attribute);
        var w = new SqlWriter().Append($"SELECT {columns} FROM {EavTable.Name} WHERE ");
        Scope(w, tenantId, typeId, includeDeleted: false, filter: null);
        w.Append($" AND {expression} IN (SELECT {expression} FROM {EavTable.Name} WHERE ");
        Scope(w, tenantId, typeId, includeDeleted: false, filter: null);
        return w.Append($" AND {expression} IS NOT NULL GROUP BY {expression} HAVING COUNT(*) > 1)").Append(tail).ToSql();
    }

    /// <summary>
    /// The tenant and type are written as literals, not parameters: the per-type partial indexes
    /// are only usable when the planner can prove their predicate, which a generic (prepared) plan
    /// cannot do from a parameter. With literals, PostgreSQL can prepare each query shape once per
    /// type (Npgsql auto-prepare) and skip planning, which costs more than running these queries.
    /// Both are validated ids; anything else is refused rather than quoted.
    /// </summary>
    private static void Scope(SqlWriter w, string tenantId, string typeId, bool includeDeleted, BoundFilter? filter, EavDialect dialect)
    {
        w.Append($"{EavTable.TenantId} = '{EavDialect.IdLiteral(tenantId)}' AND {EavTable.TypeId} = '{EavDialect.IdLiteral(typeId)}'");
        if (!includeDeleted)
        {
            w.Append($" AND {EavTable.DeleteTime} IS NULL");
        }

        if (filter is not null)
        {
            w.Append(" AND ");
            FilterSql.Write(w, dialect, filter);
        }
    }

    private void Scope(SqlWriter w, string tenantId, string typeId, bool includeDeleted, BoundFilter? filter) =>
        Scope(w, tenantId, typeId, includeDeleted, filter, dialect);
}
