using Platform.Domain.Quota;

namespace Platform.Application.Quota;

/// <summary>A tenant's effective limits and where it stands against each.</summary>
public sealed record QuotaView(string TenantId, string PlanId, IReadOnlyList<LimitStatus> Limits)
{
    public string ResourceName => QuotaNames.QuotaOf(TenantId);
}

/// <param name="ResetTime">End of the current window (rates only).</param>
public sealed record LimitStatus(EffectiveLimit Effective, long Usage, long Remaining, DateTime? ResetTime);
