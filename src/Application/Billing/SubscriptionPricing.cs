using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Billing;
using Platform.Domain.Billing;
using Platform.Domain.Tenancy;

namespace Platform.Application.Billing;

/// <summary>
/// Prices a tenant's usage (GetUsage) and its prepaid calls (the gate) with the price version its
/// subscription has pinned: the version in force now, after any immediate plan change of the open
/// period, exactly as the next invoice will charge it.
/// </summary>
/// <remarks>
/// A tenant without a live subscription (never subscribed, or its final invoice issued) falls back
/// to the seeded price of its quota plan (<see cref="SeedPrices"/>), which is what such a tenant was
/// priced at before subscriptions existed. A prepaid call costs the marginal price of the first
/// billed unit of the version's <c>api_calls</c> charge (the included allowance is an invoice
/// matter: wallets pay per call); a version that does not price <c>api_calls</c>, or one in another
/// currency than the wallet, leaves the call at the seeded per-call price in the wallet's currency.
/// </remarks>
internal sealed class SubscriptionPricing(ISubscriptionStore subscriptions, IBillingCatalog catalog, ITenantDirectory directory)
    : IUsagePricing, ICallPricing
{
    public async Task<PlanPrice?> GetPlanPriceAsync(string tenantId, CancellationToken ct) =>
        await SubscribedAsync(tenantId, ct) ?? await SeedAsync(tenantId, ct);

    public async ValueTask<Money> PricePerUnitAsync(string tenantId, Currency walletCurrency, CancellationToken ct)
    {
        if (await SubscribedAsync(tenantId, ct) is { } price && price.Currency == walletCurrency && price.PriceOf(BillableMetrics.ApiCalls) is { } calls)
        {
            return new Money(calls.Model.Price(1m).Amount, walletCurrency);
        }

        return new Money(SeedPrices.PricePerCall, walletCurrency);
    }

    /// <summary>The version in force now under the tenant's subscription; null without a live one.</summary>
    private async Task<PlanPrice?> SubscribedAsync(string tenantId, CancellationToken ct)
    {
        if (await subscriptions.FindLatestAsync(tenantId, ct) is not { } s || s.Status == SubscriptionStatus.Canceled && s.NextBoundary is null)
        {
            return null;
        }

        var (planId, version, _) = BillingEngine.InForce(s, await subscriptions.ChangesAsync(tenantId, s.SubscriptionId, ct));
        return (await catalog.FindPriceAsync(planId, version, ct))?.Price;
    }

    private async Task<PlanPrice?> SeedAsync(string tenantId, CancellationToken ct) =>
        TenantId.Create(tenantId).TryGetValue(out var id, out _) && await directory.FindAsync(id, ct) is { } tenant
            ? SeedPrices.All.FirstOrDefault(p => p.PlanId == tenant.PlanId)
            : null;
}
