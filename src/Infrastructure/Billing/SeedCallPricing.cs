using Platform.Application.Abstractions.Billing;
using Platform.Domain.Billing;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// Until tenants' plan prices are read from the catalog: the seeded pay-as-you-go price
/// (<see cref="SeedPrices.PricePerCall"/>) per cost unit, taken in the wallet's currency.
/// </summary>
internal sealed class SeedCallPricing : ICallPricing
{
    public ValueTask<Money> PricePerUnitAsync(string tenantId, Currency walletCurrency, CancellationToken ct) =>
        ValueTask.FromResult(new Money(SeedPrices.PricePerCall, walletCurrency));
}
