using Platform.Application.Abstractions.RateLimiting;
using Platform.Domain.Quota;

namespace Platform.Application.Abstractions.Quota;

/// <summary>
/// The effective limits of a tenant (plan + overrides) for the hot path: cached per tenant for a
/// few seconds, dropped on this host when the plan, an override or the tenant changes.
/// </summary>
public interface ITenantLimits
{
    /// <summary>Null when the tenant does not exist.</summary>
    ValueTask<TenantLimitSet?> FindAsync(string tenantId, CancellationToken ct);

    void Invalidate(string tenantId);

    /// <summary>A plan changed: every tenant's entry may be stale.</summary>
    void InvalidateAll();
}

/// <param name="RateRules">The api_calls limits as limiter rules (unlimited ones left out).</param>
public sealed record TenantLimitSet(
    string TenantId,
    string PlanId,
    IReadOnlyList<EffectiveLimit> Limits,
    IReadOnlyList<RateLimitRule> RateRules,
    WindowCalendar Calendar)
{
    public EffectiveLimit? Find(string limitId) => Limits.FirstOrDefault(l => l.Limit.LimitId == limitId);
}
