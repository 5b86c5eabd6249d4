using Platform.Domain.Billing;
using static Platform.Domain.Tests.Billing.BillingSamples;

namespace Platform.Domain.Tests.Billing;

/// <summary>
/// Random invoices from a seeded generator (reproducible: a failure names its seed). Every one must
/// balance, keep its credit, and come out identical when computed again.
/// </summary>
public sealed class InvoicePropertyTests
{
    private static readonly Currency[] Currencies = [Currency.Usd, Currency.Jpy, Currency.Kwd];
    private static readonly string[] Zones = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "America/Havana"];

    [Fact]
    public void Property_every_invoice_balances_keeps_its_credit_and_regenerates_identically()
    {
        for (var seed = 0; seed < 600; seed++)
        {
            var input = RandomInput(new Random(seed));

            var first = InvoiceCalculator.Calculate(input);
            Assert.True(first.IsSuccess, $"seed {seed}: {first.Error?.Message}");
            var invoice = first.Value;

            AssertBalanced(invoice);
            var before = input.CreditBalance ?? Money.Zero(invoice.Currency);
            Assert.Equal(before + Lines(invoice, LineKind.CreditApplied) + Lines(invoice, LineKind.CreditCarriedForward), invoice.CreditBalanceAfter);
            Assert.Equal(Render(invoice), Render(InvoiceCalculator.Calculate(input).Value));
            foreach (var discount in invoice.Lines.Where(l => l.Kind == LineKind.Discount))
            {
                Assert.All(discount.Shares, s => Assert.True(invoice.Lines[s.Line].Amount.Amount + s.Amount.Amount >= 0m, $"seed {seed}: a line was discounted below zero"));
            }
        }
    }

    [Fact]
    public void Property_prorations_of_a_period_never_charge_a_plan_more_than_its_fee()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var input = RandomInput(random) with { Discounts = [], CreditBalance = null };
            if (input.Closes is null)
            {
                continue;
            }

            var invoice = InvoiceCalculator.Calculate(input).Value;
            foreach (var plan in invoice.Lines.Where(l => l.Kind == LineKind.ProrationCharge).GroupBy(l => l.PlanId))
            {
                // Charged from each change to the end, then credited back at the next: the remainder is at most one full fee.
                var net = Money.Sum(invoice.Lines.Where(l => l.PlanId == plan.Key && l.Kind is LineKind.ProrationCharge or LineKind.ProrationCredit).Select(l => l.Amount), invoice.Currency);
                var fee = input.Changes.First(c => c.To.PlanId == plan.Key).To.FullPeriodFee(input.Commitment, input.Closes.Start);
                Assert.True(net <= fee, $"seed {seed}: {plan.Key} nets {net} over its fee {fee}");
            }
        }
    }

    private static InvoiceInput RandomInput(Random random)
    {
        var currency = Currencies[random.Next(Currencies.Length)];
        var calendar = BillingCalendar.Create(Zones[random.Next(Zones.Length)], BillingInterval.Month, random.Next(1, 32)).Value;
        var closes = calendar.PeriodContaining(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 1_500)));
        var plans = Enumerable.Range(0, 4).Select(i => RandomPlan(random, currency, $"plan-{i}")).ToArray();
        var mode = random.Next(4);
        var closing = mode != 0;
        var opening = mode != 1;
        DateTimeOffset? start = random.Next(4) == 0 ? closes.Start.AddSeconds(random.NextInt64(0, closes.Seconds)) : null;
        var changes = new List<PlanChange>();
        if (closing)
        {
            var from = start ?? closes.Start;
            var offsets = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.NextInt64(0, closes.Seconds - closes.SecondsInto(from))).Order();
            changes.AddRange(offsets.Select(o => new PlanChange(from.AddSeconds(o).AddMilliseconds(random.Next(1_000)), plans[random.Next(plans.Length)],
                random.Next(3) == 0 ? ChangeTiming.AtPeriodEnd : ChangeTiming.Immediately)));
        }

        return new InvoiceInput
        {
            Plan = plans[0],
            Closes = closing ? closes : null,
            Opens = opening ? (closing ? calendar.Next(closes) : closes) : null,
            SubscriptionStart = start,
            Changes = changes,
            Usage = closing ? [new(BillableMetrics.ApiCalls, random.Next(0, 3_000_000)), new(BillableMetrics.StorageGbMonths, random.Next(0, 50_000) / 1_000m)] : [],
            Commitment = random.Next(3) == 0 ? new Commitment(CommitmentTerm.ThreeYears, closes.Start.AddYears(-1), closes.Start.AddYears(2)) : null,
            Discounts = [.. Enumerable.Range(0, random.Next(0, 3)).Select(i => RandomDiscount(random, currency, i))],
            CreditBalance = random.Next(3) == 0 ? new Money(random.Next(0, 100_000) * currency.MinorUnit, currency) : null,
        };
    }

    private static PlanPrice RandomPlan(Random random, Currency currency, string id)
    {
        // Fees with more digits than the currency show that only lines are rounded.
        var fee = new Money(random.Next(0, 50_000) / 100m + (random.Next(2) * 0.0005m), currency);
        ChargeModel calls = random.Next(4) switch
        {
            0 => new PerUnitCharge(random.Next(1, 50) / 10_000m),
            1 => new GraduatedCharge([new(10_000m, 0.002m, random.Next(0, 5)), new(500_000m, 0.001m), new(null, 0.0005m)]),
            2 => new VolumeCharge([new(100_000m, 0.002m), new(null, 0.0011m, 3m)]),
            _ => new PackageCharge(random.Next(1, 5) * 1_000m, random.Next(1, 300) / 100m, random.Next(0, 4) / 10m),
        };
        return Plan(id, fee,
            new MetricPrice(BillableMetrics.ApiCalls, calls, random.Next(0, 4) * 250_000m),
            new MetricPrice(BillableMetrics.StorageGbMonths, new PerUnitCharge(0.1m), random.Next(0, 20)));
    }

    private static Discount RandomDiscount(Random random, Currency currency, int i)
    {
        var scope = (DiscountScope)random.Next(1, 4);
        return random.Next(2) == 0
            ? Discount.PercentOff($"pct-{i}", random.Next(1, 101), scope)
            : Discount.AmountOff($"amt-{i}", new Money(random.Next(1, 100_000) * currency.MinorUnit, currency), scope);
    }
}
