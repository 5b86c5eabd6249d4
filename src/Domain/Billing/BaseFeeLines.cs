namespace Platform.Domain.Billing;

/// <summary>
/// Base-fee lines: the fee for the period being opened, in advance, and the prorations of the
/// period being closed.
/// </summary>
/// <remarks>
/// Base fees are paid in advance, so an immediate change credits the unused rest of the fee already
/// paid and charges the new plan's fee for the same rest; both are shares of a full-period fee (see
/// <see cref="Proration"/>). A change scheduled for the period's end needs no proration: the next
/// period simply opens on the new plan.
/// </remarks>
internal static class BaseFeeLines
{
    public static InvoiceLine Advance(PlanPrice plan, BillingPeriod period, DateTimeOffset serviceFrom, Commitment? commitment)
    {
        var full = plan.FullPeriodFee(commitment, period.Start);
        var from = period.SecondsInto(serviceFrom);
        var amount = Proration.Share(full, Proration.Boundaries(period, [serviceFrom]), from, period.Seconds);
        var partial = from > 0 ? $", prorated from {BillingText.Instant(serviceFrom)}" : "";
        return new InvoiceLine(LineKind.BaseFee, $"{Name(plan, commitment, period.Start)} base fee, {BillingText.Days(period.Start, period.End)}{partial}", amount)
        {
            PlanId = plan.PlanId,
            From = from > 0 ? serviceFrom : period.Start,
            To = period.End,
        };
    }

    public static IEnumerable<InvoiceLine> Prorations(PlanTimeline timeline, BillingPeriod period, Commitment? commitment)
    {
        var boundaries = Proration.Boundaries(period, timeline.Immediate.Select(c => c.At));
        for (var i = 0; i < timeline.Immediate.Count; i++)
        {
            var change = timeline.Immediate[i];
            var old = timeline.Segments[i].Plan;
            var from = period.SecondsInto(change.At);
            var at = BillingText.Instant(change.At);
            var credit = Proration.Share(old.FullPeriodFee(commitment, period.Start), boundaries, from, period.Seconds);
            var charge = Proration.Share(change.To.FullPeriodFee(commitment, period.Start), boundaries, from, period.Seconds);

            yield return new InvoiceLine(LineKind.ProrationCredit, $"Unused time on {Name(old, commitment, period.Start)} from {at}", -credit)
            {
                PlanId = old.PlanId,
                From = change.At,
                To = period.End,
            };
            yield return new InvoiceLine(LineKind.ProrationCharge, $"Remaining time on {Name(change.To, commitment, period.Start)} from {at}", charge)
            {
                PlanId = change.To.PlanId,
                From = change.At,
                To = period.End,
            };
        }
    }

    private static string Name(PlanPrice plan, Commitment? commitment, DateTimeOffset periodStart) =>
        commitment is not null && commitment.Covers(periodStart)
            ? $"{plan.PlanId} ({BillingText.Number(commitment.Percent)}% off {plan.BaseFee} with a {(int)commitment.Term}-year commitment)"
            : plan.PlanId;
}
