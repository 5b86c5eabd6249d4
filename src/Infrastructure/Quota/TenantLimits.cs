using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Quota;
using Platform.Application.Abstractions.RateLimiting;
using Platform.Domain.Quota;
using Platform.Domain.Tenancy;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Security;

namespace Platform.Infrastructure.Quota;

/// <summary>
/// Effective limits per tenant, cached like the tenant directory: one memory lookup per call.
/// A plan change drops every entry on this host (a generation counter, so it is O(1)); other
/// hosts pick changes up when their entries expire.
/// </summary>
internal sealed class TenantLimits(IServiceScopeFactory scopes, ITenantDirectory tenants, IMemoryCache cache, CacheOptions options) : ITenantLimits
{
    private long _generation;

    public async ValueTask<TenantLimitSet?> FindAsync(string tenantId, CancellationToken ct)
    {
        var generation = Interlocked.Read(ref _generation);
        if (cache.TryGetValue(("limits", tenantId), out Entry? entry) && entry!.Generation == generation)
        {
            return entry.Set;
        }

        var set = await LoadAsync(tenantId, ct);
        cache.Set(("limits", tenantId), new Entry(generation, set), options.Ttl);
        return set;
    }

    public void Invalidate(string tenantId) => cache.Remove(("limits", tenantId));

    public void InvalidateAll() => Interlocked.Increment(ref _generation);

    private async Task<TenantLimitSet?> LoadAsync(string tenantId, CancellationToken ct)
    {
        if (await tenants.FindAsync(TenantId.FromTrusted(tenantId), ct) is not { } tenant)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == tenant.PlanId, ct);
        var overrides = await db.QuotaOverrides.IgnoreQueryFilters().AsNoTracking().Where(o => o.TenantId == tenantId).ToListAsync(ct);

        // A tenant whose plan was removed behind the API's back keeps only its overrides.
        var limits = EffectiveLimit.Resolve(plan?.Limits ?? [], overrides);
        var rules = limits.Where(l => l.Limit.IsRate && !l.Limit.Unlimited)
            .Select(Rule)
            .ToList();
        // Stored zones were validated on write; the runtime caches the lookup.
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(tenant.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        return new TenantLimitSet(tenantId, tenant.PlanId, limits, rules, new WindowCalendar(zone, tenant.BillingAnchorDay));
    }

    // A per-second rate of 0 has no GCRA interval; "no calls at all" is the same as a fixed window of 0.
    private static RateLimitRule Rule(EffectiveLimit l) => l.Limit is { Window: LimitWindow.Second, Value: 0 }
        ? new RateLimitRule(l.Limit.LimitId, RateWindow.Hour, 0)
        : new RateLimitRule(l.Limit.LimitId, ToWindow(l.Limit.Window), l.Limit.Value, l.Limit.Burst);

    public static RateWindow ToWindow(LimitWindow window) => window switch
    {
        LimitWindow.Second => RateWindow.Second,
        LimitWindow.Hour => RateWindow.Hour,
        LimitWindow.Day => RateWindow.Day,
        _ => RateWindow.Month,
    };

    private sealed record Entry(long Generation, TenantLimitSet? Set);
}
