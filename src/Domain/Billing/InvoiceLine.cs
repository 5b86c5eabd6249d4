namespace Platform.Domain.Billing;

/// <summary>
/// One line of an invoice. <see cref="Amount"/> is rounded to the currency exactly once, when the
/// line is made; the other members say how it was reached.
/// </summary>
public sealed record InvoiceLine(LineKind Kind, string Description, Money Amount)
{
    public string? PlanId { get; init; }

    public string? Metric { get; init; }

    /// <summary>The time the line pays for: a period, or the rest of one after a plan change.</summary>
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>For usage: the quantity used and the part of it the plan included.</summary>
    public decimal? Quantity { get; init; }

    public decimal? Included { get; init; }

    /// <summary>For usage: the exact charge of the billed quantity, tier by tier.</summary>
    public ChargeBreakdown? Charge { get; init; }

    /// <summary>For discounts: how the amount splits over the lines it applies to; the shares sum to <see cref="Amount"/>.</summary>
    public IReadOnlyList<LineShare> Shares { get; init; } = [];
}
