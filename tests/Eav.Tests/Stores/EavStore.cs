using System.Data.Common;
using Platform.Application.Eav.Filtering;
using Platform.Domain.Eav;
using Platform.Infrastructure.Eav;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Sql;

namespace Platform.Eav.Tests.Stores;

/// <summary>
/// A real database holding the entities table as the EAV issue specifies it, with what the
/// tests need to load rows and run generated SQL. One subclass per provider.
/// </summary>
public abstract class EavStore : IAsyncDisposable
{
    public abstract EavDialect Dialect { get; }

    protected abstract DbConnection Connection { get; }

    protected abstract string TableSql { get; }

    public abstract ValueTask DisposeAsync();

    public async Task CreateTableAsync() => await ExecuteAsync(TableSql);

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stores an entity the way the future repository will: the dialect's document encoding.</summary>
    public Task InsertAsync(string tenantId, string typeId, FilterSubject entity, bool deleted = false) =>
        InsertRawAsync(tenantId, typeId, entity.Id, Dialect.EncodeDocument(entity.Attributes), entity.CreateTime, entity.UpdateTime, deleted);

    /// <summary>Stores any JSON: other tenants' types may use the same keys with other types.</summary>
    public async Task InsertRawAsync(string tenantId, string typeId, string id, string attributes, DateTime created, DateTime updated, bool deleted = false)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO {EavTable.Name} ({EavTable.TenantId}, {EavTable.TypeId}, {EavTable.Id}, {EavTable.Attributes}, {EavTable.CreateTime}, " +
            $"{EavTable.UpdateTime}, {EavTable.DeleteTime}, {EavTable.Version}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, 1)";
        Dialect.Bind(command,
        [
            new SqlArgument("@p0", tenantId, SqlArgumentType.Text),
            new SqlArgument("@p1", typeId, SqlArgumentType.Text),
            new SqlArgument("@p2", id, SqlArgumentType.Text),
            new SqlArgument("@p3", attributes, SqlArgumentType.Json),
            new SqlArgument("@p4", created, SqlArgumentType.Timestamp),
            new SqlArgument("@p5", updated, SqlArgumentType.Timestamp),
            new SqlArgument("@p6", deleted ? updated : DBNull.Value, SqlArgumentType.Timestamp),
        ]);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a list query and reads its rows back as the evaluator sees entities.</summary>
    public async Task<List<FilterSubject>> QueryAsync(EavSql sql, EntityType type)
    {
        var rows = new List<FilterSubject>();
        await using var command = Connection.CreateCommand();
        sql.ApplyTo(command, Dialect);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new FilterSubject(
                reader.GetString(0),
                Utc(reader.GetDateTime(2)),
                Utc(reader.GetDateTime(3)),
                Dialect.DecodeDocument(type, reader.GetString(1))));
        }

        return rows;
    }

    public async Task<List<object?[]>> RowsAsync(EavSql sql)
    {
        var rows = new List<object?[]>();
        await using var command = Connection.CreateCommand();
        sql.ApplyTo(command, Dialect);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The provider's plan for <paramref name="sql"/>, as text.</summary>
    public async Task<string> ExplainAsync(EavSql sql)
    {
        var plan = await RowsAsync(sql with { Text = ExplainPrefix + sql.Text });
        return string.Join('\n', plan.Select(r => string.Join(' ', r)));
    }

    protected abstract string ExplainPrefix { get; }

    // SQLite hands back TEXT times without a kind; everything stored is UTC.
    private static DateTime Utc(DateTime t) => t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
