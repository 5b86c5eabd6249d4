using Platform.Domain.Billing;
using static Platform.Domain.Tests.Billing.BillingSamples;

namespace Platform.Domain.Tests.Billing;

/// <summary>Immediate and scheduled plan changes: prorations, credits and the boundaries between periods.</summary>
public sealed class PlanChangeInvoiceTests
{
    // Basic, up to Pro on April 10, back to Basic on April 20; 2.1M calls priced on Basic at the end.
    private static InvoiceInput UpgradeThenDowngrade() => new()
    {
        Plan = Basic,
        Closes = Month(2026, 4),
        Opens = Month(2026, 5),
        Changes = [new(UtcAt(2026, 4, 10), Pro, ChangeTiming.Immediately), new(UtcAt(2026, 4, 20), Basic, ChangeTiming.Immediately)],
        Usage = [new(BillableMetrics.ApiCalls, 2_100_000m)],
    };

    [Fact]
    public void Upgrade_then_downgrade_in_one_period_charges_each_plan_exactly_for_the_time_held()
    {
        var invoice = Calculate(UpgradeThenDowngrade());

        // April, 30 days, cut on the 10th and 20th into 9, 10 and 11 days. Basic's 29.00 splits 8.70 / 9.67 / 10.63,
        // Pro's 99.00 splits 29.70 / 33.00 / 36.30.
        Assert.Equal(
        [
            (LineKind.BaseFee, 29m),
            (LineKind.ProrationCredit, -20.30m),
            (LineKind.ProrationCharge, 69.30m),
            (LineKind.ProrationCredit, -36.30m),
            (LineKind.ProrationCharge, 10.63m),
            (LineKind.Usage, 100m),
            (LineKind.Usage, 0m),
        ], invoice.Lines.Select(l => (l.Kind, l.Amount.Amount)));

        // Basic was paid 29.00 in advance; with these lines it has cost its shares of the 20 days held (8.70 + 10.63),
        // and Pro exactly its 33.00 share of the 10 days between.
        Assert.Equal(Usd(8.70m + 10.63m), Usd(29m) + ProrationsOf(invoice, "basic"));
        Assert.Equal(Usd(33m), ProrationsOf(invoice, "pro"));

        // The allowance follows the time held: 500k × 20/30 + 5M × 10/30 = 2,000,000 calls, exactly.
        Assert.Equal(2_000_000m, invoice.Lines[5].Included);
        Assert.Equal(Usd(152.33m), invoice.Total);
    }

    [Fact]
    public void A_plan_left_and_re_entered_gets_back_exactly_its_share_of_the_time_away()
    {
        // 1.00 over three 10-day thirds of April splits 0.34 / 0.33 / 0.33 (and 2.00 into 0.67 / 0.67 / 0.66). Rounding
        // each line on its own would credit 0.67 for the last two thirds and keep 0.33 of 1.00 for the first, losing a cent.
        var cheap = Plan("cheap", Usd(1m));
        var dear = Plan("dear", Usd(2m));

        var invoice = Calculate(new InvoiceInput
        {
            Plan = cheap,
            Closes = Month(2026, 4),
            Changes = [new(UtcAt(2026, 4, 11), dear, ChangeTiming.Immediately), new(UtcAt(2026, 4, 21), cheap, ChangeTiming.Immediately)],
        });

        Assert.Equal([-0.66m, 1.33m, -0.66m, 0.33m], invoice.Lines.Select(l => l.Amount.Amount));
        Assert.Equal(Usd(0.34m + 0.33m), Usd(1m) + ProrationsOf(invoice, "cheap"));
        Assert.Equal(Usd(0.67m), ProrationsOf(invoice, "dear"));
    }

    [Fact]
    public void Regenerating_an_invoice_gives_the_identical_result() =>
        Assert.Equal(Render(Calculate(UpgradeThenDowngrade())), Render(Calculate(UpgradeThenDowngrade())));

    [Fact]
    public void A_proration_credit_larger_than_the_invoice_is_carried_forward_and_spent_later()
    {
        // Enterprise paid for May; on May 2 the tenant drops to Free: 30 of 31 days of 299.00 come back.
        var closing = Calculate(new InvoiceInput
        {
            Plan = Enterprise,
            Closes = Month(2026, 5),
            Opens = Month(2026, 6),
            Changes = [new(UtcAt(2026, 5, 2), Free, ChangeTiming.Immediately)],
            Usage = [new(BillableMetrics.ApiCalls, 10_000m)],
            CreditBalance = Usd(10m),
        });

        Assert.Equal(Usd(-289.35m), Lines(closing, LineKind.ProrationCredit));
        var carried = closing.Lines[^1];
        Assert.Equal(LineKind.CreditCarriedForward, carried.Kind);
        Assert.Equal(Usd(289.35m), carried.Amount);
        Assert.Equal(Usd(0m), closing.Total);
        Assert.Equal(Usd(299.35m), closing.CreditBalanceAfter);

        var next = Calculate(new InvoiceInput
        {
            Plan = Free,
            Closes = Month(2026, 6),
            Opens = Month(2026, 7),
            Changes = [new(UtcAt(2026, 6, 20), Basic, ChangeTiming.AtPeriodEnd)],
            CreditBalance = closing.CreditBalanceAfter,
        });

        Assert.Equal(Usd(-29m), Lines(next, LineKind.CreditApplied));
        Assert.Equal(Usd(0m), next.Total);
        Assert.Equal(Usd(270.35m), next.CreditBalanceAfter);
    }

    [Fact]
    public void A_change_at_the_period_boundary_costs_the_same_whether_scheduled_or_immediate()
    {
        // Scheduled during April for its end: May opens on Pro.
        var scheduled = new[]
        {
            Calculate(new InvoiceInput { Plan = Basic, Closes = Month(2026, 4), Opens = Month(2026, 5), Changes = [new(UtcAt(2026, 4, 15), Pro, ChangeTiming.AtPeriodEnd)] }),
            Calculate(new InvoiceInput { Plan = Pro, Closes = Month(2026, 5), Opens = Month(2026, 6) }),
        };

        // Immediately, at the very first second of May: May opened on Basic, so all of it is credited and Pro charged.
        var immediate = new[]
        {
            Calculate(new InvoiceInput { Plan = Basic, Closes = Month(2026, 4), Opens = Month(2026, 5) }),
            Calculate(new InvoiceInput { Plan = Basic, Closes = Month(2026, 5), Opens = Month(2026, 6), Changes = [new(UtcAt(2026, 5, 1), Pro, ChangeTiming.Immediately)] }),
        };

        Assert.DoesNotContain(scheduled.SelectMany(i => i.Lines), l => l.Kind is LineKind.ProrationCredit or LineKind.ProrationCharge);
        Assert.Equal([-29m, 99m], immediate[1].Lines.Where(l => l.Kind != LineKind.BaseFee && l.Kind != LineKind.Usage).Select(l => l.Amount.Amount));
        Assert.Equal(Money.Sum(scheduled.Select(i => i.Total), Currency.Usd), Money.Sum(immediate.Select(i => i.Total), Currency.Usd));
    }

    [Fact]
    public void A_change_at_the_period_end_belongs_to_the_next_period()
    {
        var error = InvoiceCalculator.Calculate(new InvoiceInput
        {
            Plan = Basic,
            Closes = Month(2026, 4),
            Changes = [new(UtcAt(2026, 5, 1), Pro, ChangeTiming.Immediately)],
        }).Error!;

        Assert.Equal("changes[0].at", error.Violations[0].Field);
    }

    [Fact]
    public void An_immediate_change_cancels_one_scheduled_before_it_and_a_later_scheduled_change_wins()
    {
        var cancelled = Calculate(new InvoiceInput
        {
            Plan = Basic,
            Closes = Month(2026, 4),
            Opens = Month(2026, 5),
            Changes = [new(UtcAt(2026, 4, 5), Enterprise, ChangeTiming.AtPeriodEnd), new(UtcAt(2026, 4, 10), Pro, ChangeTiming.Immediately)],
        });
        var rescheduled = Calculate(new InvoiceInput
        {
            Plan = Basic,
            Closes = Month(2026, 4),
            Opens = Month(2026, 5),
            Changes = [new(UtcAt(2026, 4, 10), Pro, ChangeTiming.Immediately), new(UtcAt(2026, 4, 20), Basic, ChangeTiming.AtPeriodEnd)],
        });

        Assert.Equal("pro", cancelled.Lines[0].PlanId);
        Assert.Equal("basic", rescheduled.Lines[0].PlanId);
        Assert.Equal(2, rescheduled.Lines.Count(l => l.Kind is LineKind.ProrationCredit or LineKind.ProrationCharge));
    }

    [Fact]
    public void A_New_York_month_with_a_DST_change_prorates_on_its_real_seconds()
    {
        var calendar = BillingCalendar.Create("America/New_York", BillingInterval.Month, 1).Value;
        var march = calendar.PeriodContaining(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(-4)));

        var invoice = Calculate(new InvoiceInput
        {
            Plan = Basic,
            Closes = march,
            Opens = calendar.Next(march),
            Changes = [new(new DateTimeOffset(2026, 3, 16, 0, 0, 0, TimeSpan.FromHours(-4)), Pro, ChangeTiming.Immediately)],
        });

        Assert.Equal(Usd(-14.99m), Lines(invoice, LineKind.ProrationCredit));
        Assert.Equal(Usd(51.17m), Lines(invoice, LineKind.ProrationCharge));
        Assert.Equal("Remaining time on pro from 2026-03-16 00:00:00 -04:00", invoice.Lines[2].Description);
    }

    [Fact]
    public void Under_a_commitment_prorations_use_the_committed_prices()
    {
        var invoice = Calculate(new InvoiceInput
        {
            Plan = Basic,
            Closes = Month(2026, 4),
            Opens = Month(2026, 5),
            Changes = [new(UtcAt(2026, 4, 16), Pro, ChangeTiming.Immediately)],
            Commitment = new Commitment(CommitmentTerm.OneYear, UtcAt(2026, 1, 1), UtcAt(2027, 1, 1)),
        });

        Assert.Equal([69.30m, -10.15m, 34.65m], invoice.Lines.Where(l => l.Kind != LineKind.Usage).Select(l => l.Amount.Amount));
    }
}
