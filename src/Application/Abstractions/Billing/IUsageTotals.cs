using Platform.Domain.Billing;

namespace Platform.Application.Abstractions.Billing;

/// <summary>How one metric is aggregated; <paramref name="UniqueProperty"/> names the event property a unique count counts.</summary>
public sealed record MeteredMetric(string Metric, UsageAggregation Aggregation, string? UniqueProperty = null);

/// <summary>
/// Reads the usage store: events recorded by RecordUsageEvents and by the platform's own metering
/// (table <c>usage_events</c>, one row per (tenant, idempotency key)), and the storage levels the
/// platform samples on every storage change (table <c>storage_samples</c>). Invoices and GetUsage read
/// through it; the writers live with metering.
/// </summary>
public interface IUsageTotals
{
    /// <summary>Each metric's quantity over [<paramref name="from"/>, <paramref name="to"/>) by event time; metrics without events are 0.</summary>
    Task<IReadOnlyList<MetricUsage>> TotalsAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<MeteredMetric> metrics,
        CancellationToken ct);

    /// <summary>The storage level in force at <paramref name="from"/> and every later level before <paramref name="to"/>, in time order.</summary>
    Task<(long BytesAtStart, IReadOnlyList<StorageSample> Samples)> StorageAsync(string tenantId, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct);
}
