using Platform.Application.Billing;

namespace Platform.Application.Abstractions.Billing;

/// <summary>Subscriptions and their plan changes (billing_subscriptions, billing_plan_changes).</summary>
public interface ISubscriptionStore
{
    /// <summary>The tenant's latest subscription, ended or not.</summary>
    Task<SubscriptionRecord?> FindLatestAsync(string tenantId, CancellationToken ct);

    /// <summary>False when the tenant already has a subscription with that id.</summary>
    Task<bool> AddAsync(SubscriptionRecord subscription, CancellationToken ct);

    /// <summary>Optimistic: false when <paramref name="expectedRevision"/> is no longer current.</summary>
    Task<bool> UpdateAsync(SubscriptionRecord subscription, long expectedRevision, CancellationToken ct);

    Task<IReadOnlyList<SubscriptionChangeRecord>> ChangesAsync(string tenantId, string subscriptionId, CancellationToken ct);

    Task AddChangeAsync(SubscriptionChangeRecord change, CancellationToken ct);

    /// <summary>Tenants whose subscription has an invoice due at or before <paramref name="asOf"/>, after <paramref name="afterTenant"/>.</summary>
    Task<IReadOnlyList<string>> DueTenantsAsync(DateTimeOffset asOf, string? afterTenant, int limit, CancellationToken ct);
}
