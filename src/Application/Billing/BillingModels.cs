using Platform.Domain.Billing;

namespace Platform.Application.Billing;

/// <summary>A stored price version: the domain price plus what only the catalog needs.</summary>
public sealed record StoredPrice(PlanPrice Price, int TrialDays, DateTime CreateTime)
{
    public string Name => BillingNames.PriceOf(Price.PlanId, Price.Version);
}

public sealed record BillableMetricDefinition(string Id, string DisplayName, UsageAggregation Aggregation, string? UniqueProperty, bool BuiltIn, DateTime CreateTime)
{
    public string Name => BillingNames.MetricOf(Id);
}

public enum SubscriptionStatus
{
    Active = 2,
    Canceled = 3,
}

/// <summary>
/// A tenant's subscription. <see cref="PeriodPlanId"/>/<see cref="PeriodPriceVersion"/> is the plan
/// in force when the period that starts at <see cref="OpenedBoundary"/> began; changes since then
/// are in the changes table. <see cref="NextBoundary"/> is when the next invoice is due.
/// </summary>
public sealed record SubscriptionRecord
{
    public required string TenantId { get; init; }

    public required string SubscriptionId { get; init; }

    public required SubscriptionStatus Status { get; init; }

    public required string PeriodPlanId { get; init; }

    public required int PeriodPriceVersion { get; init; }

    public CommitmentTerm? CommitmentTerm { get; init; }

    public DateTimeOffset? CommitmentStart { get; init; }

    public DateTimeOffset? CommitmentEnd { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset BillingStart { get; init; }

    public required string TimeZone { get; init; }

    public required int AnchorDay { get; init; }

    public required int AnchorMonth { get; init; }

    public required BillingInterval Interval { get; init; }

    /// <summary>The last boundary an invoice was issued at, or null before the first.</summary>
    public DateTimeOffset? OpenedBoundary { get; init; }

    /// <summary>When the next invoice is due; null once the final invoice is issued.</summary>
    public DateTimeOffset? NextBoundary { get; init; }

    /// <summary>When the subscription ends (cancellation), if set.</summary>
    public DateTimeOffset? EndTime { get; init; }

    public required decimal CreditBalance { get; init; }

    public required long Revision { get; init; }

    public DateTime CreateTime { get; init; }

    public string Name => BillingNames.SubscriptionOf(TenantId);
}

public sealed record SubscriptionChangeRecord(string TenantId, string SubscriptionId, int Sequence, DateTimeOffset At, string PlanId, int PriceVersion,
    ChangeTiming Timing);

public enum InvoiceState
{
    Draft = 1,
    Finalized = 2,
    Paid = 3,
    Void = 4,
}

public sealed record PaymentAttemptRecord(int Attempt, string IdempotencyKey, string Provider, bool Succeeded, string Reference, DateTime Time);

/// <summary>
/// An invoice and the inputs it was computed from that are not elsewhere (the plan at the start of
/// the closed period and the credit before it), so a draft can be recomputed identically.
/// </summary>
public sealed record InvoiceRecord
{
    public required string TenantId { get; init; }

    public required string InvoiceId { get; init; }

    public required string SubscriptionId { get; init; }

    public required DateTimeOffset Boundary { get; init; }

    public required InvoiceState State { get; init; }

    public BillingPeriod? Closes { get; init; }

    public BillingPeriod? Opens { get; init; }

    public required string PlanId { get; init; }

    public required int PriceVersion { get; init; }

    public required Invoice Invoice { get; init; }

    public required decimal CreditBefore { get; init; }

    public required string Etag { get; init; }

    public required DateTime CreateTime { get; init; }

    public DateTime? FinalizeTime { get; init; }

    public DateTime? PaidTime { get; init; }

    public IReadOnlyList<PaymentAttemptRecord> Payments { get; init; } = [];

    public string Name => BillingNames.InvoiceOf(TenantId, InvoiceId);
}

/// <summary>The billing tables keep microseconds; instants are truncated to them when made, so what is returned equals what is read back.</summary>
public static class BillingTime
{
    public static DateTimeOffset Now(TimeProvider clock) => Truncate(clock.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset t) => t.AddTicks(-(t.UtcTicks % 10));
}
