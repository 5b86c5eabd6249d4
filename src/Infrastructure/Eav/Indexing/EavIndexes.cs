using Platform.Application.Abstractions.Eav;
using Platform.Domain.Eav;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Eav.Indexing;

/// <summary>
/// <see cref="IEavIndexes"/> over the <c>eav_indexes</c> table: planning only writes rows, in the
/// caller's transaction, and <see cref="EavIndexBuilder"/> runs the DDL after the commit. States
/// are reported for the indexes the type plans now, so a row of an older definition (still being
/// dropped) never colours a current attribute, and a type never planned (created before indexes
/// were built) reports its attributes as not indexed rather than ready.
/// </summary>
internal sealed class EavIndexes(PlatformDbContext db, EavDialect dialect, EavIndexBuilder builder, TimeProvider clock) : IEavIndexes
{
    private readonly EavIndexRows _rows = new(db, clock);

    public async Task PlanAsync(EntityType type, CancellationToken ct)
    {
        var planned = Planned(type);
        foreach (var index in planned.Values)
        {
            var attributes = index.AttributeKeys.Select(type.FindAttribute).OfType<AttributeDefinition>();
            await _rows.RecordAsync(index, dialect.CreateIndexSql(index), dialect.StatisticsSql(attributes), ct);
        }

        foreach (var row in await _rows.OfTypeAsync(type.TenantId, type.Id, ct))
        {
            if (!planned.ContainsKey(row.Name))
            {
                await _rows.DropAsync(row.Name, ct);
            }
        }
    }

    public Task ForgetAsync(string tenantId, string typeId, CancellationToken ct) => _rows.DropAllAsync(tenantId, typeId, ct);

    public async Task<IReadOnlyDictionary<string, IndexBuildState>> StatesAsync(EntityType type, CancellationToken ct)
    {
        var recorded = (await _rows.OfTypeAsync(type.TenantId, type.Id, ct))
            .Where(r => r.RowState != EavIndexRowState.Dropping)
            .ToDictionary(r => r.Name, r => (IndexBuildState)r.State, StringComparer.Ordinal);
        var states = new Dictionary<string, IndexBuildState>(StringComparer.Ordinal);
        foreach (var index in Planned(type).Values)
        {
            if (!recorded.TryGetValue(index.Name, out var state))
            {
                continue;
            }

            foreach (var key in index.AttributeKeys.Where(k => type.FindAttribute(k) is not null))
            {
                states[key] = states.TryGetValue(key, out var seen) && Severity(seen) >= Severity(state) ? seen : state;
            }
        }

        return states;
    }

    public void Wake() => builder.Wake();

    /// <summary>The plan by name: a hint over one filterable key is that attribute's own index, recorded once for both.</summary>
    private Dictionary<string, EavIndex> Planned(EntityType type)
    {
        var planned = new Dictionary<string, EavIndex>(StringComparer.Ordinal);
        foreach (var index in EavIndexPlanner.For(dialect, type.TenantId, type))
        {
            planned[index.Name] = planned.TryGetValue(index.Name, out var same)
                ? same with { AttributeKeys = [.. same.AttributeKeys.Union(index.AttributeKeys, StringComparer.Ordinal)] }
                : index;
        }

        return planned;
    }

    // An attribute is as usable as its worst index: a failed one means some of its queries stay slow.
    private static int Severity(IndexBuildState state) => state switch
    {
        IndexBuildState.Failed => 2,
        IndexBuildState.Building => 1,
        _ => 0,
    };
}
