using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Billing;
using Platform.Domain.Billing;
using Platform.Domain.Tenancy;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// Prices usage with the seeded price of the tenant's quota plan (<see cref="SeedPrices"/>); plans
/// without a seeded price have none. Stands in until subscriptions carry the price version.
/// </summary>
internal sealed class SeedUsagePricing(ITenantDirectory directory) : IUsagePricing
{
    public async Task<PlanPrice?> GetPlanPriceAsync(string tenantId, CancellationToken ct) =>
        await directory.FindAsync(TenantId.Create(tenantId).Value, ct) is { } tenant
            ? SeedPrices.All.FirstOrDefault(p => p.PlanId == tenant.PlanId)
            : null;
}
