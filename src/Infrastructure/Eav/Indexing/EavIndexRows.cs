using Microsoft.EntityFrameworkCore;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Eav.Indexing;

/// <summary>
/// The SQL over <c>eav_indexes</c>, which the Entities migration creates outside the EF model like
/// the entities table. Runs on the context's connection and, when the caller has one open, its
/// transaction, so planning commits or rolls back with the type it plans for. A state change names
/// the state it expects: a row changed meanwhile (re-planned, forgotten) is left for the next round.
/// </summary>
internal sealed class EavIndexRows(PlatformDbContext db, TimeProvider clock)
{
    /// <summary>Longest error text kept: enough for the database's message, never a dump.</summary>
    public const int MaxErrorLength = 500;

    // Aliased to the record's names, quoted so PostgreSQL keeps their case.
    private const string SelectRows =
        """SELECT name AS "Name", tenant_id AS "TenantId", type_id AS "TypeId", create_sql AS "CreateSql", statistics_sql AS "StatisticsSql", state AS "State" FROM eav_indexes""";

    /// <summary>
    /// Records a planned index as BUILDING. Already recorded: a READY or BUILDING row is kept, a
    /// FAILED one is retried (the type was saved again, perhaps to fix the data or the schema) and
    /// a DROPPING one is wanted again (a type deleted and re-created with the same definition).
    /// </summary>
    public Task RecordAsync(EavIndex index, string createSql, string? statisticsSql, CancellationToken ct)
    {
        var keys = string.Join(',', index.AttributeKeys);
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO eav_indexes (name, tenant_id, type_id, attribute_keys, is_unique, create_sql, statistics_sql, state, error, update_time)
            VALUES ({index.Name}, {index.TenantId}, {index.TypeId}, {keys}, {index.Unique}, {createSql}, {statisticsSql}, {(int)EavIndexRowState.Building}, NULL, {Now})
            ON CONFLICT (name) DO UPDATE SET state = excluded.state, error = NULL, attribute_keys = excluded.attribute_keys,
                create_sql = excluded.create_sql, statistics_sql = excluded.statistics_sql, update_time = excluded.update_time
            WHERE eav_indexes.state IN ({(int)EavIndexRowState.Failed}, {(int)EavIndexRowState.Dropping})
            """, ct);
    }

    public async Task<IReadOnlyList<Row>> OfTypeAsync(string tenantId, string typeId, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<Row>(SelectRows + " WHERE tenant_id = {0} AND type_id = {1}", tenantId, typeId).ToListAsync(ct);

    /// <summary>The builder's work, drops first: they are quick and free room for what is built next.</summary>
    public async Task<IReadOnlyList<Row>> PendingAsync(CancellationToken ct) =>
        await db.Database.SqlQueryRaw<Row>(SelectRows + " WHERE state IN ({0}, {1}) ORDER BY state DESC, update_time, name",
            (int)EavIndexRowState.Building, (int)EavIndexRowState.Dropping).ToListAsync(ct);

    /// <summary>Marks every index of a type as DROPPING, whatever the builder has done with them so far.</summary>
    public Task<int> DropAllAsync(string tenantId, string typeId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE eav_indexes SET state = {(int)EavIndexRowState.Dropping}, update_time = {Now}
            WHERE tenant_id = {tenantId} AND type_id = {typeId} AND state <> {(int)EavIndexRowState.Dropping}
            """, ct);

    /// <summary>Marks one index as DROPPING, whatever the builder has done with it so far.</summary>
    public Task<int> DropAsync(string name, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE eav_indexes SET state = {(int)EavIndexRowState.Dropping}, update_time = {Now}
            WHERE name = {name} AND state <> {(int)EavIndexRowState.Dropping}
            """, ct);

    /// <summary>Moves one index from <paramref name="from"/> to <paramref name="to"/>; false when it was not in <paramref name="from"/>.</summary>
    public async Task<bool> MoveAsync(string name, EavIndexRowState from, EavIndexRowState to, string? error, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE eav_indexes SET state = {(int)to}, error = {error}, update_time = {Now}
            WHERE name = {name} AND state = {(int)from}
            """, ct) == 1;

    /// <summary>Forgets a dropped index, unless it was planned again meanwhile.</summary>
    public Task<int> DeleteDroppedAsync(string name, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM eav_indexes WHERE name = {name} AND state = {(int)EavIndexRowState.Dropping}", ct);

    public async Task<bool> ExistsAsync(string name, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<Row>(SelectRows + " WHERE name = {0}", name).ToListAsync(ct)).Count > 0;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>One recorded index (attribute keys are read from the plan, not from the row).</summary>
    public sealed record Row(string Name, string TenantId, string TypeId, string CreateSql, string? StatisticsSql, int State)
    {
        public EavIndexRowState RowState => (EavIndexRowState)State;
    }
}
