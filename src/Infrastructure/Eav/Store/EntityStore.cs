using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Evolution;
using Platform.Domain.Eav.Values;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Filtering;
using Platform.Infrastructure.Eav.Sql;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Eav.Store;

/// <summary>
/// <see cref="IEntityStore"/> in SQL: reads go through <see cref="EavSqlTranslator"/>, writes are
/// plain parameterised statements, and everything runs on the scope's DbContext connection and
/// transaction, so entity writes commit with the quota counters and idempotency records.
/// </summary>
internal sealed class EntityStore(PlatformDbContext db, EavSqlTranslator translator) : IEntityStore
{
    private const int StreamChunk = 500;
    private const string EntityColumns = $"{EavTable.TenantId}, {EavTable.TypeId}, {EavTable.Id}, {EavTable.Attributes}, " +
        $"{EavTable.CreateTime}, {EavTable.UpdateTime}, {EavTable.DeleteTime}, {EavTable.Version}";
    private const string RevisionInsertColumns = "tenant_id, type_id, entity_id, version, operation, changes, principal, time, request_id, snapshot, delete_time";

    private EavDialect Dialect => translator.Dialect;

    public async Task<Entity?> FindAsync(EntityType type, string id, CancellationToken ct) =>
        await FindManyAsync(type, [id], ct) is [var entity, ..] ? entity : null;

    public async Task<IReadOnlyList<Entity>> FindManyAsync(EntityType type, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var w = Scoped($"SELECT {EavTable.DefaultColumns} FROM {EavTable.Name} WHERE ", type.TenantId, type.Id);
        w.Append($" AND {EavTable.Id} IN (").Join(ids.Distinct(), ", ", (x, id) => x.Value(Text(id))).Append(")");
        return await ReadEntitiesAsync(w.ToSql(), type, ct);
    }

    public async Task<IReadOnlySet<string>> LiveIdsAsync(string tenantId, string typeId, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        var w = Scoped($"SELECT {EavTable.Id} FROM {EavTable.Name} WHERE ", tenantId, typeId);
        w.Append($" AND {EavTable.DeleteTime} IS NULL AND {EavTable.Id} IN (").Join(ids.Distinct(), ", ", (x, id) => x.Value(Text(id))).Append(")");
        await using var command = await CommandAsync(w.ToSql(), ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    public async Task<string?> FindByValueAsync(EntityType type, AttributeDefinition attribute, AttributeValue value, CancellationToken ct)
    {
        var filter = new BoundComparison(FilterField.For(attribute), CompareOp.Equal, value);
        var sql = translator.Select(EavTable.Id, type.TenantId, type.Id, includeDeleted: false, filter, " LIMIT 1");
        await using var command = await CommandAsync(sql, ct);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public Task<EntityWrite> InsertAsync(EntityType type, Entity entity, EntityRevision revision, CancellationToken ct) =>
        InsertManyAsync(type, [(entity, revision)], ct);

    public async Task<EntityWrite> InsertManyAsync(EntityType type, IReadOnlyList<(Entity Entity, EntityRevision Revision)> items, CancellationToken ct)
    {
        var w = new SqlWriter().Append($"INSERT INTO {EavTable.Name} ({EntityColumns}) VALUES ");
        w.Join(items, ", ", (x, item) => EntityValues(x, item.Entity));
        var outcome = await WriteAsync(type, w.ToSql(), ct);
        if (outcome.Status != EntityWriteStatus.Written)
        {
            return outcome;
        }

        await InsertRevisionsAsync(items.Select(i => i.Revision).ToList(), ct);
        return outcome;
    }

    public async Task<EntityWrite> UpdateAsync(EntityType type, Entity entity, long expectedVersion, EntityRevision revision, CancellationToken ct)
    {
        var w = new SqlWriter().Append($"UPDATE {EavTable.Name} SET {EavTable.Attributes} = ")
            .Value(new SqlValue(Dialect.EncodeDocument(entity.Attributes), SqlArgumentType.Json))
            .Append($", {EavTable.UpdateTime} = ").Value(Time(entity.UpdateTime))
            .Append($", {EavTable.DeleteTime} = ").Value(Time(entity.DeleteTime))
            .Append($", {EavTable.Version} = ").Value(Int(entity.Version))
            .Append($" WHERE {EavTable.TenantId} = ").Value(Text(type.TenantId))
            .Append($" AND {EavTable.TypeId} = ").Value(Text(type.Id))
            .Append($" AND {EavTable.Id} = ").Value(Text(entity.Id))
            .Append($" AND {EavTable.Version} = ").Value(Int(expectedVersion));
        var outcome = await WriteAsync(type, w.ToSql(), ct);
        if (outcome.Status != EntityWriteStatus.Written)
        {
            return outcome;
        }

        await InsertRevisionsAsync([revision], ct);
        return outcome;
    }

    public async Task<IReadOnlyList<Entity>> ListAsync(EntityType type, EavListQuery query, CancellationToken ct) =>
        await ReadEntitiesAsync(translator.List(query), type, ct);

    public async Task<EntityCount> CountAsync(EntityType type, BoundFilter? filter, bool includeDeleted, long exactUpTo, CancellationToken ct)
    {
        // Counting stops after exactUpTo + 1 rows, so a huge match costs a bounded scan.
        var inner = translator.Select("1", type.TenantId, type.Id, includeDeleted, filter,
            $" LIMIT {(exactUpTo + 1).ToString(CultureInfo.InvariantCulture)}");
        await using (var command = await CommandAsync(inner with { Text = $"SELECT COUNT(*) FROM ({inner.Text}) counted" }, ct))
        {
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            if (count <= exactUpTo)
            {
                return new EntityCount(count, IsEstimate: false);
            }
        }

        return new EntityCount(await EstimateAsync(type, filter, includeDeleted, exactUpTo, ct), IsEstimate: true);
    }

    public async IAsyncEnumerable<Entity> StreamAsync(EntityType type, BoundFilter? filter, bool includeDeleted, [EnumeratorCancellation] CancellationToken ct)
    {
        SortCursor? after = null;
        while (true)
        {
            var page = await ListAsync(type, new EavListQuery(type.TenantId, type.Id, filter, [], after, StreamChunk, includeDeleted), ct);
            foreach (var entity in page)
            {
                yield return entity;
            }

            if (page.Count < StreamChunk)
            {
                yield break;
            }

            after = new SortCursor([], page[^1].Id);
        }
    }

    public async Task<(long Count, IReadOnlyList<string> Sample)> FindViolationsAsync(EntityType type, ExistingDataQuery query, int sample, CancellationToken ct)
    {
        if (query.Check is DuplicateValuesCheck)
        {
            var holders = new List<string>();
            await using (var command = await CommandAsync(translator.DuplicateHolders(EavTable.Id, type.TenantId, type.Id, query.Attribute,
                $" ORDER BY {Dialect.IdExpression} LIMIT {sample.ToString(CultureInfo.InvariantCulture)}"), ct))
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    holders.Add(reader.GetString(0));
                }
            }

            await using var counter = await CommandAsync(translator.DuplicateHolders("COUNT(*)", type.TenantId, type.Id, query.Attribute), ct);
            return (Convert.ToInt64(await counter.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture), holders);
        }

        if (!query.NeedsConfirmation)
        {
            var ids = new List<string>();
            await using (var command = await CommandAsync(translator.Select(EavTable.Id, type.TenantId, type.Id, false, query.Filter,
                $" ORDER BY {Dialect.IdExpression} LIMIT {sample.ToString(CultureInfo.InvariantCulture)}"), ct))
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    ids.Add(reader.GetString(0));
                }
            }

            await using var counter = await CommandAsync(translator.Select("COUNT(*)", type.TenantId, type.Id, false, query.Filter), ct);
            return (Convert.ToInt64(await counter.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture), ids);
        }

        // Candidates from SQL, confirmed in memory (a .NET pattern SQL cannot evaluate).
        long count = 0;
        var examples = new List<string>();
        await foreach (var entity in StreamAsync(type, query.Filter, includeDeleted: false, ct))
        {
            if (query.Confirm(new FilterSubject(entity.Id, entity.CreateTime, entity.UpdateTime, entity.Attributes)))
            {
                count++;
                if (examples.Count < sample)
                {
                    examples.Add(entity.Id);
                }
            }
        }

        return (count, examples);
    }

    public async Task<long> CountLiveAsync(string tenantId, string typeId, CancellationToken ct)
    {
        var w = Scoped($"SELECT COUNT(*) FROM {EavTable.Name} WHERE ", tenantId, typeId).Append($" AND {EavTable.DeleteTime} IS NULL");
        await using var command = await CommandAsync(w.ToSql(), ct);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async Task<(long Entities, long Bytes)> PurgeTypeAsync(EntityType type, CancellationToken ct)
    {
        var (tenantId, typeId) = (type.TenantId, type.Id);
        var live = Scoped($"SELECT {EavTable.Attributes} FROM {EavTable.Name} WHERE ", tenantId, typeId).Append($" AND {EavTable.DeleteTime} IS NULL");
        long entities = 0, bytes = 0;
        await using (var command = await CommandAsync(live.ToSql(), ct))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                entities++;
                bytes += Entity.StorageBytesOf(Dialect.DecodeDocument(type, reader.GetString(0)));
            }
        }

        await ExecuteAsync(Scoped($"DELETE FROM entity_revisions WHERE ", tenantId, typeId, "tenant_id", "type_id").ToSql(), ct);
        await ExecuteAsync(Scoped($"DELETE FROM search_documents WHERE ", tenantId, typeId, "tenant_id", "type_id").ToSql(), ct);
        await ExecuteAsync(Scoped($"DELETE FROM search_vocabulary WHERE ", tenantId, typeId, "tenant_id", "type_id").ToSql(), ct);
        await ExecuteAsync(Scoped($"DELETE FROM search_completions WHERE ", tenantId, typeId, "tenant_id", "type_id").ToSql(), ct);
        await ExecuteAsync(Scoped($"DELETE FROM search_geo WHERE ", tenantId, typeId, "tenant_id", "type_id").ToSql(), ct);
        await ExecuteAsync(Scoped($"DELETE FROM {EavTable.Name} WHERE ", tenantId, typeId).ToSql(), ct);
        return (entities, bytes);
    }

    public async Task<IReadOnlyList<EntityRevision>> ListRevisionsAsync(EntityType type, string entityId, long? beforeVersion, int limit, CancellationToken ct)
    {
        var w = Scoped($"SELECT {EntityRows.RevisionColumns} FROM entity_revisions WHERE ", type.TenantId, type.Id, "tenant_id", "type_id")
            .Append(" AND entity_id = ").Value(Text(entityId));
        if (beforeVersion is { } before)
        {
            w.Append(" AND version < ").Value(Int(before));
        }

        w.Append(" ORDER BY version DESC LIMIT ").Value(Int(limit));
        return await ReadRevisionsAsync(w.ToSql(), type, ct);
    }

    public async Task<EntityRevision?> FindRevisionAsync(EntityType type, string entityId, long version, CancellationToken ct)
    {
        var w = Scoped($"SELECT {EntityRows.RevisionColumns} FROM entity_revisions WHERE ", type.TenantId, type.Id, "tenant_id", "type_id")
            .Append(" AND entity_id = ").Value(Text(entityId)).Append(" AND version = ").Value(Int(version));
        return await ReadRevisionsAsync(w.ToSql(), type, ct) is [var revision, ..] ? revision : null;
    }

    private async Task<long> EstimateAsync(EntityType type, BoundFilter? filter, bool includeDeleted, long floor, CancellationToken ct)
    {
        if (Dialect is not PostgresEavDialect)
        {
            // SQLite has no row estimates; it is the embedded store, so an exact count is affordable.
            await using var exact = await CommandAsync(translator.Select("COUNT(*)", type.TenantId, type.Id, includeDeleted, filter), ct);
            return Convert.ToInt64(await exact.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        var sql = translator.Select("1", type.TenantId, type.Id, includeDeleted, filter);
        await using var command = await CommandAsync(sql with { Text = "EXPLAIN (FORMAT JSON) " + sql.Text }, ct);
        var plan = Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "[]";
        using var json = System.Text.Json.JsonDocument.Parse(plan);
        var rows = json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        // The estimate is never below what was already counted exactly.
        return Math.Max(floor + 1, (long)rows);
    }

    private async Task InsertRevisionsAsync(IReadOnlyList<EntityRevision> revisions, CancellationToken ct)
    {
        var w = new SqlWriter().Append($"INSERT INTO entity_revisions ({RevisionInsertColumns}) VALUES ");
        w.Join(revisions, ", ", (x, r) => x.Append("(").Value(Text(r.TenantId)).Append(", ").Value(Text(r.TypeId)).Append(", ")
            .Value(Text(r.EntityId)).Append(", ").Value(Int(r.Version)).Append(", ").Value(Int((long)r.Operation)).Append(", ")
            .Value(new SqlValue(EntityRows.WriteChanges(r.Changes), SqlArgumentType.Json)).Append(", ")
            .Value(Text(r.Principal)).Append(", ").Value(Time(r.Time)).Append(", ")
            .Value(r.RequestId is null ? new SqlValue(DBNull.Value, SqlArgumentType.Text) : Text(r.RequestId)).Append(", ")
            .Value(new SqlValue(AttributeJson.Serialize(r.Snapshot), SqlArgumentType.Json)).Append(", ")
            .Value(Time(r.DeleteTime)).Append(")"));
        await ExecuteAsync(w.ToSql(), ct);
    }

    private void EntityValues(SqlWriter w, Entity e) =>
        w.Append("(").Value(Text(e.TenantId)).Append(", ").Value(Text(e.TypeId)).Append(", ").Value(Text(e.Id)).Append(", ")
         .Value(new SqlValue(Dialect.EncodeDocument(e.Attributes), SqlArgumentType.Json)).Append(", ")
         .Value(Time(e.CreateTime)).Append(", ").Value(Time(e.UpdateTime)).Append(", ").Value(Time(e.DeleteTime)).Append(", ")
         .Value(Int(e.Version)).Append(")");

    /// <summary>Runs a write; a key or unique-index violation becomes a value naming what was taken.</summary>
    private async Task<EntityWrite> WriteAsync(EntityType type, EavSql sql, CancellationToken ct)
    {
        try
        {
            var rows = await ExecuteAsync(sql, ct);
            return rows == 0 ? new EntityWrite(EntityWriteStatus.Conflict) : EntityWrite.Written;
        }
        catch (DbException e) when (StoreConflicts.Classify(e, type, Dialect) is { } conflict)
        {
            return conflict;
        }
    }

    private async Task<int> ExecuteAsync(EavSql sql, CancellationToken ct)
    {
        await using var command = await CommandAsync(sql, ct);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<Entity>> ReadEntitiesAsync(EavSql sql, EntityType type, CancellationToken ct)
    {
        var entities = new List<Entity>();
        await using var command = await CommandAsync(sql, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entities.Add(EntityRows.ReadEntity(reader, type, Dialect));
        }

        return entities;
    }

    private async Task<List<EntityRevision>> ReadRevisionsAsync(EavSql sql, EntityType type, CancellationToken ct)
    {
        var revisions = new List<EntityRevision>();
        await using var command = await CommandAsync(sql, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            revisions.Add(EntityRows.ReadRevision(reader, type));
        }

        return revisions;
    }

    private Task<DbCommand> CommandAsync(EavSql sql, CancellationToken ct) => EavCommands.CreateAsync(db, sql, Dialect, ct);

    private static SqlWriter Scoped(string head, string tenantId, string typeId, string tenantColumn = EavTable.TenantId, string typeColumn = EavTable.TypeId) =>
        new SqlWriter().Append(head).Append($"{tenantColumn} = ").Value(Text(tenantId)).Append($" AND {typeColumn} = ").Value(Text(typeId));

    private static SqlValue Text(string value) => new(value, SqlArgumentType.Text);

    private static SqlValue Int(long value) => new(value, SqlArgumentType.Int64);

    private static SqlValue Time(DateTime? value) => new(value is { } t ? t : DBNull.Value, SqlArgumentType.Timestamp);
}
