using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions.Quota;
using Platform.Domain.Quota;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Eav.Store;

/// <summary>
/// Entity history retention per tier: revisions older than the tenant's <c>history_days</c>
/// limit are deleted, except each entity's latest revision (the entity as it is now). A tenant
/// whose plan sets no such limit keeps everything. Run by <see cref="HousekeepingService"/>.
/// </summary>
public sealed class RevisionRetention(IServiceScopeFactory scopes, ITenantLimits limits)
{
    /// <summary>One pass; returns how many revisions were deleted.</summary>
    public async Task<long> PurgeAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tenants = await db.Database.SqlQuery<string>($"SELECT DISTINCT tenant_id AS \"Value\" FROM entity_revisions").ToListAsync(ct);
        long deleted = 0;
        foreach (var tenantId in tenants)
        {
            var limit = (await limits.FindAsync(tenantId, ct))?.Find(Metrics.HistoryDays)?.Limit;
            if (limit is null || limit.Unlimited)
            {
                continue;
            }

            var cutoff = now.AddDays(-limit.Value);
            deleted += await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                DELETE FROM entity_revisions WHERE tenant_id = {tenantId} AND time < {cutoff}
                AND version < (SELECT e.version FROM entities e
                               WHERE e.tenant_id = entity_revisions.tenant_id AND e.type_id = entity_revisions.type_id AND e.id = entity_revisions.entity_id)
                """, ct);
        }

        return deleted;
    }

    /// <summary>Deletes a purged tenant's entities and history and hands its indexes to the builder to drop; joins the caller's transaction.</summary>
    public static async Task PurgeTenantAsync(PlatformDbContext db, string tenantId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM entity_revisions WHERE tenant_id = {tenantId}", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM entities WHERE tenant_id = {tenantId}", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM outbox_messages WHERE tenant_id = {tenantId}", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM search_documents WHERE tenant_id = {tenantId}", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM synonym_sets WHERE tenant_id = {tenantId}", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM search_vocabulary WHERE tenant_id = {tenantId}", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM search_completions WHERE tenant_id = {tenantId}", ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM search_geo WHERE tenant_id = {tenantId}", ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE eav_indexes SET state = {(int)Indexing.EavIndexRowState.Dropping} WHERE tenant_id = {tenantId}", ct);
    }
}
