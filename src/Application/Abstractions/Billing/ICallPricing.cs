using Platform.Domain.Billing;

namespace Platform.Application.Abstractions.Billing;

/// <summary>
/// The price of one cost unit of an API call for a tenant, in its wallet's currency. Read when the
/// gate loads a tenant's wallet (not per call), so it may query the tenant's plan price.
/// </summary>
public interface ICallPricing
{
    ValueTask<Money> PricePerUnitAsync(string tenantId, Currency walletCurrency, CancellationToken ct);
}
