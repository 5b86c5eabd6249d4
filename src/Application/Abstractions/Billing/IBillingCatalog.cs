using Platform.Application.Billing;

namespace Platform.Application.Abstractions.Billing;

/// <summary>Price versions and billable metrics (tables billing_plan_prices and billing_metrics).</summary>
public interface IBillingCatalog
{
    /// <summary>Stores <paramref name="price"/> as the next version; false when that version was taken concurrently.</summary>
    Task<bool> AddPriceAsync(StoredPrice price, CancellationToken ct);

    Task<StoredPrice?> FindPriceAsync(string planId, int version, CancellationToken ct);

    Task<StoredPrice?> FindCurrentPriceAsync(string planId, CancellationToken ct);

    Task<IReadOnlyList<StoredPrice>> ListPricesAsync(string planId, int afterVersion, int limit, CancellationToken ct);

    Task<bool> AnyPriceAsync(CancellationToken ct);

    /// <summary>False when the id exists.</summary>
    Task<bool> AddMetricAsync(BillableMetricDefinition metric, CancellationToken ct);

    Task<BillableMetricDefinition?> FindMetricAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<BillableMetricDefinition>> ListMetricsAsync(string? afterId, int limit, CancellationToken ct);

    Task<bool> IsMetricPricedAsync(string id, CancellationToken ct);

    Task DeleteMetricAsync(string id, CancellationToken ct);
}
