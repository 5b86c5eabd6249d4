using Platform.Domain.Billing;
using static Platform.Domain.Tests.Billing.BillingSamples;

namespace Platform.Domain.Tests.Billing;

public sealed class InvoiceCalculatorTests
{
    [Fact]
    public void The_first_invoice_bills_the_first_period_in_advance()
    {
        var invoice = Calculate(new InvoiceInput { Plan = Basic, Opens = Month(2026, 5) });

        var line = Assert.Single(invoice.Lines);
        Assert.Equal(LineKind.BaseFee, line.Kind);
        Assert.Equal("basic base fee, 2026-05-01 to 2026-05-31", line.Description);
        Assert.Equal(Usd(29m), invoice.Total);
    }

    [Fact]
    public void A_subscription_starting_inside_a_period_pays_its_share_of_the_first_fee()
    {
        // Half a day of a 31-day January: 29 × 0.5 / 31 = 0.4677…
        var invoice = Calculate(new InvoiceInput { Plan = Basic, Opens = Month(2026, 1), SubscriptionStart = UtcAt(2026, 1, 31, 12) });

        Assert.Equal(Usd(0.47m), invoice.Total);
        Assert.EndsWith("prorated from 2026-01-31 12:00:00 +00:00", invoice.Lines[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_bills_usage_above_the_included_quantities_in_arrears()
    {
        var invoice = Calculate(new InvoiceInput
        {
            Plan = Pro,
            Closes = Month(2026, 4),
            Opens = Month(2026, 5),
            Usage = [new(BillableMetrics.ApiCalls, 6_000_000m), new(BillableMetrics.StorageGbMonths, 12.5m), new("entities", 40m)],
        });

        Assert.Equal([LineKind.BaseFee, LineKind.Usage, LineKind.Usage], invoice.Lines.Select(l => l.Kind));
        Assert.Equal([99m, 1_000m, 0.25m], invoice.Lines.Select(l => l.Amount.Amount));
        Assert.Equal("api_calls: 6,000,000 used, 5,000,000 included, 1,000,000 billed, 2026-04-01 to 2026-04-30", invoice.Lines[1].Description);
        Assert.Equal(Usd(1_099.25m), invoice.Total);
    }

    [Fact]
    public void A_metric_without_usage_is_billed_as_zero_and_tiers_are_spelled_out()
    {
        var tiered = Plan("tiered", Usd(10m),
            new MetricPrice(BillableMetrics.ApiCalls, new GraduatedCharge([new(1_000m, 0.01m), new(10_000m, 0.008m), new(null, 0.005m)]), 500m),
            new MetricPrice("webhook_calls", new PackageCharge(1_000m, 1m, 0.2m)));

        var invoice = Calculate(new InvoiceInput { Plan = tiered, Closes = Month(2026, 4), Usage = [new(BillableMetrics.ApiCalls, 12_500m)] });

        var calls = invoice.Lines[0];
        Assert.Equal(3, calls.Charge!.Steps.Count);
        Assert.Equal(12_000m, calls.Charge.Quantity);
        Assert.Equal(Usd(10m + 72m + 10m), calls.Amount);
        Assert.Equal(Usd(0m), invoice.Lines[1].Amount);
        Assert.Empty(invoice.Lines[1].Charge!.Steps);
    }

    [Fact]
    public void Yen_lines_are_whole_yen()
    {
        var small = Plan("small", new Money(2_980m, Currency.Jpy), new MetricPrice(BillableMetrics.ApiCalls, new PerUnitCharge(0.15m), 1_000m));
        var large = Plan("large", new Money(9_800m, Currency.Jpy), new MetricPrice(BillableMetrics.ApiCalls, new PerUnitCharge(0.15m), 5_000m));

        var invoice = Calculate(new InvoiceInput
        {
            Plan = small,
            Closes = Month(2026, 4),
            Opens = Month(2026, 5),
            Changes = [new(UtcAt(2026, 4, 11), large, ChangeTiming.Immediately)],
            Usage = [new(BillableMetrics.ApiCalls, 10_001m)],
        });

        // 2,980 × 20/30 = 1,986.67 and 9,800 × 20/30 = 6,533.33; (10,001 − 3,666.67 included) × 0.15 = 950.15.
        Assert.Equal([9_800m, -1_987m, 6_533m, 950m], invoice.Lines.Select(l => l.Amount.Amount));
        Assert.Equal(new Money(15_296m, Currency.Jpy), invoice.Total);
    }

    [Fact]
    public void Dinar_lines_keep_three_decimals_and_round_half_away_from_zero()
    {
        var plan = Plan("dinar", new Money(9.25m, Currency.Kwd), new MetricPrice(BillableMetrics.ApiCalls, new PerUnitCharge(0.0003m)));
        var commitment = new Commitment(CommitmentTerm.OneYear, UtcAt(2026, 5, 1), UtcAt(2027, 5, 1));

        var invoice = Calculate(new InvoiceInput
        {
            Plan = plan,
            Closes = Month(2026, 4),
            Opens = Month(2026, 5),
            Usage = [new(BillableMetrics.ApiCalls, 12_345m)],
            Commitment = commitment,
        });

        // 12,345 × 0.0003 = 3.7035 → 3.704; 9.250 × 0.7 = 6.475.
        Assert.Equal([6.475m, 3.704m], invoice.Lines.Select(l => l.Amount.Amount));
        Assert.Equal("KWD 10.179", invoice.Total.ToString());
        Assert.StartsWith("dinar (30% off KWD 9.250 with a 1-year commitment) base fee", invoice.Lines[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_that_ends_on_a_skipped_midnight_still_names_the_day_before_as_its_last()
    {
        var calendar = BillingCalendar.Create("America/Havana", BillingInterval.Month, 8).Value;
        var february = calendar.PeriodContaining(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(-5)));

        var invoice = Calculate(new InvoiceInput { Plan = Basic, Opens = february });

        Assert.Equal("basic base fee, 2026-02-08 to 2026-03-07", invoice.Lines[0].Description);
    }
}
