namespace Platform.Domain.Billing;

/// <summary>
/// Everything one invoice is computed from. An invoice is issued at a period boundary: it closes the
/// period ending there (usage and immediate plan changes, billed in arrears) and opens the next one
/// (its base fee, billed in advance). The first invoice of a subscription only opens; the last one
/// only closes.
/// </summary>
public sealed record InvoiceInput
{
    /// <summary>The plan in force at the start of <see cref="Closes"/>, or of <see cref="Opens"/> when nothing closes.</summary>
    public required PlanPrice Plan { get; init; }

    public BillingPeriod? Closes { get; init; }

    public BillingPeriod? Opens { get; init; }

    /// <summary>
    /// When the subscription started, if inside one of the periods; the time before it is neither
    /// charged for nor given included usage.
    /// </summary>
    public DateTimeOffset? SubscriptionStart { get; init; }

    /// <summary>Plan changes requested during <see cref="Closes"/>, in the order they were requested.</summary>
    public IReadOnlyList<PlanChange> Changes { get; init; } = [];

    /// <summary>Usage over <see cref="Closes"/>, one entry per metric; metrics the plan does not price are not billed.</summary>
    public IReadOnlyList<MetricUsage> Usage { get; init; } = [];

    public Commitment? Commitment { get; init; }

    /// <summary>Applied in this order, each to what the previous ones left.</summary>
    public IReadOnlyList<Discount> Discounts { get; init; } = [];

    /// <summary>The tenant's credit before this invoice (prepaid or carried forward); none when null.</summary>
    public Money? CreditBalance { get; init; }
}
