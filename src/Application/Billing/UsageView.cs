namespace Platform.Application.Billing;

public sealed record DailyQuantity(DateOnly Date, decimal Quantity);

public sealed record MetricUsageView(string Metric, decimal Quantity, decimal Included, decimal ProjectedQuantity, decimal ProjectedCharge,
    IReadOnlyList<DailyQuantity> Days);

/// <param name="PlanId">The priced plan; null when the tenant's plan has no price.</param>
public sealed record UsageView(string TenantId, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, string? PlanId, string CurrencyCode,
    IReadOnlyList<MetricUsageView> Metrics);
