using Platform.Application.Abstractions.Quota;
using Platform.Application.Abstractions.RateLimiting;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

/// <summary>
/// Reads a tenant's quota: allocation usage from the ledger, rate usage from the limiter with a
/// zero-cost request (a peek that consumes nothing).
/// </summary>
internal sealed class QuotaReader(ITenantLimits tenantLimits, IQuotaLedger ledger, IRateLimiter limiter, TimeProvider clock)
{
    public async Task<Result<QuotaView>> ReadAsync(string tenantId, CancellationToken ct)
    {
        if (await tenantLimits.FindAsync(tenantId, ct) is not { } set)
        {
            return Error.NotFound(QuotaNames.QuotaOf(tenantId));
        }

        return await ReadAsync(set, set.Limits, ct);
    }

    public async Task<QuotaView> ReadAsync(TenantLimitSet set, IReadOnlyList<EffectiveLimit> which, CancellationToken ct)
    {
        var usage = await ledger.UsageAsync(set.TenantId, ct);
        var rates = which.Any(l => l.Limit.IsRate) && set.RateRules.Count > 0
            ? await limiter.AcquireAsync(new RateLimitRequest(set.TenantId, set.RateRules, 0, set.Calendar), ct)
            : RateLimitDecision.Unlimited;
        var now = clock.GetUtcNow().UtcDateTime;
        return new QuotaView(set.TenantId, set.PlanId, [.. which.Select(l => Status(l, usage, rates, now))]);
    }

    private static LimitStatus Status(EffectiveLimit effective, IReadOnlyDictionary<string, long> usage, RateLimitDecision rates, DateTime now)
    {
        var limit = effective.Limit;
        if (limit.IsRate)
        {
            var state = rates.States.FirstOrDefault(s => s.Rule.LimitId == limit.LimitId);
            if (limit.Unlimited || state is null)
            {
                return new LimitStatus(effective, 0, 0, null);
            }

            var capacity = limit.Window == LimitWindow.Second ? limit.EffectiveBurst : limit.Value;
            return new LimitStatus(effective, Math.Max(0, capacity - state.Remaining), state.Remaining, now + state.ResetAfter);
        }

        var used = usage.GetValueOrDefault(limit.Metric);
        return new LimitStatus(effective, used, limit.Unlimited ? 0 : Math.Max(0, limit.Value - used), null);
    }
}
