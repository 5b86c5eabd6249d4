using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>
/// Computes an invoice as a pure function of its <see cref="InvoiceInput"/>: the same input always
/// gives the same lines, amounts and descriptions, so an invoice can be regenerated and compared.
/// </summary>
/// <remarks>
/// Each line is rounded once when it is made and the total is the plain sum of the lines. The total
/// is never negative: when credits (prorations of a downgrade, say) outweigh the charges, a final
/// line carries the excess into the tenant's credit balance, so the lines still add up to the total
/// (zero) and the credit is spent on later invoices rather than lost or paid out.
/// </remarks>
public static class InvoiceCalculator
{
    public static Result<Invoice> Calculate(InvoiceInput input)
    {
        if (InvoiceRules.Check(input) is { } error)
        {
            return error;
        }

        var currency = input.Plan.Currency;
        var lines = new List<InvoiceLine>();
        var next = input.Plan;
        if (input.Closes is { } closes)
        {
            var from = Later(closes.Start, input.SubscriptionStart);
            var timeline = PlanTimeline.Build(input.Plan, closes, from, input.Changes);
            lines.AddRange(BaseFeeLines.Prorations(timeline, closes, input.Commitment));
            lines.AddRange(UsageLines.For(timeline, closes, input.Usage));
            next = timeline.Next;
        }

        if (input.Opens is { } opens)
        {
            lines.Insert(0, BaseFeeLines.Advance(next, opens, Later(opens.Start, input.SubscriptionStart), input.Commitment));
        }

        lines.AddRange(DiscountLines.For(lines, input.Discounts, currency));

        var balance = input.CreditBalance ?? Money.Zero(currency);
        var subtotal = Money.Sum(lines.Select(l => l.Amount), currency);
        if (subtotal.IsNegative)
        {
            lines.Add(new InvoiceLine(LineKind.CreditCarriedForward, "Credit carried forward to the balance", -subtotal));
            balance -= subtotal;
        }
        else if (!balance.IsZero && !subtotal.IsZero)
        {
            var applied = Money.Min(balance, subtotal);
            lines.Add(new InvoiceLine(LineKind.CreditApplied, $"Credit applied from the balance ({balance} available)", -applied));
            balance -= applied;
        }

        return new Invoice(currency, lines, Money.Sum(lines.Select(l => l.Amount), currency), balance);
    }

    private static DateTimeOffset Later(DateTimeOffset periodStart, DateTimeOffset? subscriptionStart) =>
        subscriptionStart is { } start && start > periodStart ? start : periodStart;
}
