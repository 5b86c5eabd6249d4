using Platform.Domain.Billing;

namespace Platform.Application.Billing;

/// <summary>A subscription as shown: its record, the plan in force now, a scheduled change and the current period.</summary>
public sealed record SubscriptionView(SubscriptionRecord Record, string PlanId, int PriceVersion, string? ScheduledPlanId, BillingPeriod? CurrentPeriod,
    IReadOnlyList<SubscriptionChangeRecord> Changes, Currency Currency);
