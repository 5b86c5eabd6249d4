using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions.Quota;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Quota;

/// <summary>
/// Allocation counters as conditional updates (<c>used + n &lt;= limit</c>): the database, not the
/// host, decides, so any number of hosts allocating at once can never overshoot. Both providers
/// accept the same SQL. Runs on the scope's context, so it joins the unit of work's transaction.
/// </summary>
internal sealed class QuotaLedger(PlatformDbContext db) : IQuotaLedger
{
    public async Task<LedgerResult> TryAcquireAsync(string tenantId, string metric, long amount, long? limit, CancellationToken ct)
    {
        await EnsureRowAsync(tenantId, metric, ct);
        var applied = limit is { } max
            ? await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE quota_counters SET used = used + {amount} WHERE tenant_id = {tenantId} AND metric = {metric} AND used + {amount} <= {max}", ct)
            : await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE quota_counters SET used = used + {amount} WHERE tenant_id = {tenantId} AND metric = {metric}", ct);
        return new LedgerResult(applied == 1, await UsedAsync(tenantId, metric, ct));
    }

    public async Task<LedgerResult> TryReleaseAsync(string tenantId, string metric, long amount, CancellationToken ct)
    {
        var applied = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE quota_counters SET used = used - {amount} WHERE tenant_id = {tenantId} AND metric = {metric} AND used >= {amount}", ct);
        return new LedgerResult(applied == 1, await UsedAsync(tenantId, metric, ct));
    }

    public async Task<IReadOnlyDictionary<string, long>> UsageAsync(string tenantId, CancellationToken ct) =>
        await db.Set<QuotaCounter>().AsNoTracking().Where(c => c.TenantId == tenantId).ToDictionaryAsync(c => c.Metric, c => c.Used, ct);

    // The row must exist for the conditional update to have something to lock and compare.
    private Task<int> EnsureRowAsync(string tenantId, string metric, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO quota_counters (tenant_id, metric, used) VALUES ({tenantId}, {metric}, 0) ON CONFLICT (tenant_id, metric) DO NOTHING", ct);

    private Task<long> UsedAsync(string tenantId, string metric, CancellationToken ct) =>
        db.Set<QuotaCounter>().AsNoTracking().Where(c => c.TenantId == tenantId && c.Metric == metric).Select(c => c.Used).FirstOrDefaultAsync(ct);
}
