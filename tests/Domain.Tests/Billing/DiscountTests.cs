using Platform.Domain.Billing;
using static Platform.Domain.Tests.Billing.BillingSamples;

namespace Platform.Domain.Tests.Billing;

public sealed class DiscountTests
{
    // Lines: [0] Pro base fee 99.00, [1] api_calls 1,000.00, [2] storage 0.25.
    private static InvoiceInput ProMonth(params Discount[] discounts) => new()
    {
        Plan = Pro,
        Closes = Month(2026, 4),
        Opens = Month(2026, 5),
        Usage = [new(BillableMetrics.ApiCalls, 6_000_000m), new(BillableMetrics.StorageGbMonths, 12.5m)],
        Discounts = discounts,
    };

    [Fact]
    public void A_percentage_is_rounded_once_and_split_by_largest_remainder_over_its_lines()
    {
        var invoice = Calculate(ProMonth(Discount.PercentOff("LAUNCH", 10m, DiscountScope.Usage)));

        // 10% of 1,000.25 = 100.025 → 100.03; exact shares 100.0050 and 0.0250 leave one cent to the larger remainder.
        var discount = invoice.Lines[^1];
        Assert.Equal(Usd(-100.03m), discount.Amount);
        Assert.Equal([new LineShare(1, Usd(-100.00m)), new LineShare(2, Usd(-0.03m))], discount.Shares);
        Assert.Equal("LAUNCH: 10% off usage", discount.Description);
    }

    [Fact]
    public void An_amount_off_never_exceeds_what_its_scope_charges()
    {
        var invoice = Calculate(ProMonth(Discount.AmountOff("GOODWILL", Usd(500m), DiscountScope.BaseFee)));

        Assert.Equal(Usd(-99m), invoice.Lines[^1].Amount);
        Assert.Equal(Usd(1_000.25m), invoice.Total);
    }

    [Fact]
    public void Discounts_apply_in_order_to_what_the_previous_ones_left()
    {
        var invoice = Calculate(ProMonth(Discount.AmountOff("FIRST", Usd(1_000m)), Discount.PercentOff("SECOND", 50m)));

        // 1,099.25 − 1,000 leaves 99.25; half of it is 49.625 → 49.63.
        Assert.Equal([-1_000m, -49.63m], invoice.Lines.Where(l => l.Kind == LineKind.Discount).Select(l => l.Amount.Amount));
        Assert.Equal(Usd(49.62m), invoice.Total);
    }

    [Fact]
    public void A_base_fee_discount_applies_to_the_net_of_a_change_and_to_nothing_when_it_is_a_credit()
    {
        var upgrade = Calculate(new InvoiceInput
        {
            Plan = Basic,
            Closes = Month(2026, 4),
            Changes = [new(UtcAt(2026, 4, 16), Pro, ChangeTiming.Immediately)],
            Discounts = [Discount.PercentOff("TENOFF", 10m, DiscountScope.BaseFee)],
        });
        var downgrade = Calculate(new InvoiceInput
        {
            Plan = Pro,
            Closes = Month(2026, 4),
            Changes = [new(UtcAt(2026, 4, 16), Basic, ChangeTiming.Immediately)],
            Discounts = [Discount.PercentOff("TENOFF", 10m, DiscountScope.BaseFee)],
        });

        // Upgrade: −14.50 + 49.50 = 35.00 net → 3.50 off. Downgrade: −49.50 + 14.50 is a credit → nothing off.
        Assert.Equal(Usd(-3.50m), Lines(upgrade, LineKind.Discount));
        Assert.Equal(Usd(0m), Lines(downgrade, LineKind.Discount));
        Assert.Equal(Usd(35m), downgrade.Lines.Single(l => l.Kind == LineKind.CreditCarriedForward).Amount);
    }

    [Fact]
    public void Bad_discounts_are_reported_with_their_paths()
    {
        var error = InvoiceCalculator.Calculate(ProMonth(
            new Discount("", DiscountScope.All, 10m, Usd(1m)),
            Discount.PercentOff("BIG", 150m),
            Discount.AmountOff("EUROS", new Money(5m, Currency.Eur)))).Error!;

        var fields = error.Violations.Select(v => v.Field).ToList();
        Assert.Contains("discounts[0].name", fields);
        Assert.Contains("discounts[0]", fields);
        Assert.Contains("discounts[1].percent", fields);
        Assert.Contains("discounts[2].amount", fields);
    }
}
