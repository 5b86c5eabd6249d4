namespace Platform.Domain.Quota;

/// <summary>An operator's replacement for one plan limit of one tenant (an enterprise deal).</summary>
public sealed record QuotaOverride(string TenantId, string LimitId, Limit Limit, DateTime UpdateTime);
