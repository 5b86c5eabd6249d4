using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>
/// A reserved term: the tenant commits to 1 or 3 years and pays 30% or 50% less base fee for any
/// period that starts inside [<see cref="Start"/>, <see cref="End"/>).
/// </summary>
/// <remarks>
/// The discount is applied to the plan's price, not added as a discount line: the fee is billed at
/// the committed price, and the credit for unused time after a plan change is then at the price that
/// was actually paid. A discount line subtracted from a net that can be negative (a downgrade's
/// credit) would instead have to turn into a charge. Usage is not discounted: a reserved term buys
/// a lower recurring fee, while usage stays pay-as-you-go.
/// </remarks>
public sealed record Commitment(CommitmentTerm Term, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Percent off the base fee for each term.</summary>
    public static decimal DiscountPercent(CommitmentTerm term) => term switch
    {
        CommitmentTerm.OneYear => 30m,
        CommitmentTerm.ThreeYears => 50m,
        _ => throw new ArgumentOutOfRangeException(nameof(term), term, "Unknown commitment term."),
    };

    public decimal Percent => DiscountPercent(Term);

    /// <summary>A term starting with the billing period that contains <paramref name="start"/> and ending 12 or 36 months later.</summary>
    public static Result<Commitment> Begin(CommitmentTerm term, BillingCalendar calendar, DateTimeOffset start)
    {
        if (!Enum.IsDefined(term))
        {
            return Error.Validation("commitment.term", "must be ONE_YEAR or THREE_YEARS");
        }

        var first = calendar.PeriodContaining(start).Start;
        return new Commitment(term, first, calendar.BoundaryAfter(first, 12 * (int)term));
    }

    public bool Covers(DateTimeOffset periodStart) => periodStart >= Start && periodStart < End;

    /// <summary>The committed price of <paramref name="listFee"/>, exact (rounding happens on the invoice line).</summary>
    public Money Apply(Money listFee) => listFee.Times((100m - Percent) / 100m);
}
