namespace Platform.Domain.Common;

/// <summary>The quota a RESOURCE_EXHAUSTED error is about: subject (resource name), metric, limit id and value.</summary>
public sealed record QuotaViolation(string Subject, string Metric, string LimitId, long LimitValue, string Description);
