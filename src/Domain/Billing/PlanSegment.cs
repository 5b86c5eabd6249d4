namespace Platform.Domain.Billing;

/// <summary>A stretch of a period spent on one plan price.</summary>
public sealed record PlanSegment(DateTimeOffset From, DateTimeOffset To, PlanPrice Plan);
