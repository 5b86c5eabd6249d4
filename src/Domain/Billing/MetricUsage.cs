namespace Platform.Domain.Billing;

/// <summary>How much of a metric was used over the period being closed.</summary>
public sealed record MetricUsage(string Metric, decimal Quantity);
