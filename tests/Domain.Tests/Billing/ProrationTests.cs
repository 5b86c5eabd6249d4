using Platform.Domain.Billing;
using static Platform.Domain.Tests.Billing.BillingSamples;

namespace Platform.Domain.Tests.Billing;

public sealed class ProrationTests
{
    [Fact]
    public void Fractions_count_whole_seconds_of_the_real_period()
    {
        var april = Month(2026, 4);

        Assert.Equal(0.5m, Proration.Fraction(april, UtcAt(2026, 4, 16), april.End));
        Assert.Equal(1m, Proration.Fraction(april, april.Start.AddDays(-3), april.End.AddDays(3)));
        Assert.Equal(0m, Proration.Fraction(april, april.End, april.Start));
    }

    [Fact]
    public void Sub_second_parts_are_dropped()
    {
        var april = Month(2026, 4);

        Assert.Equal(april.SecondsInto(UtcAt(2026, 4, 2)), april.SecondsInto(UtcAt(2026, 4, 2).AddMilliseconds(999)));
        Assert.Equal(86_400, april.SecondsInto(UtcAt(2026, 4, 2).AddMilliseconds(999)));
    }

    [Fact]
    public void Shares_of_a_fee_over_any_cuts_add_up_to_the_fee()
    {
        var april = Month(2026, 4);
        var fee = new Money(29m, Currency.Usd);
        var boundaries = Proration.Boundaries(april, [UtcAt(2026, 4, 10), UtcAt(2026, 4, 20)]);

        var parts = boundaries.Zip(boundaries.Skip(1)).Select(b => Proration.Share(fee, boundaries, b.First, b.Second)).ToList();

        Assert.Equal([8.70m, 9.67m, 10.63m], parts.Select(p => p.Amount));
        Assert.Equal(fee, Money.Sum(parts, Currency.Usd));
        Assert.Equal(new Money(20.30m, Currency.Usd), Proration.Share(fee, boundaries, boundaries[1], april.Seconds));
    }

    [Fact]
    public void A_DST_month_prorates_on_its_real_length()
    {
        var calendar = BillingCalendar.Create("America/New_York", BillingInterval.Month, 1).Value;
        var march = calendar.PeriodContaining(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(-4)));
        var change = new DateTimeOffset(2026, 3, 16, 0, 0, 0, TimeSpan.FromHours(-4));
        var boundaries = Proration.Boundaries(march, [change]);

        var rest = Proration.Share(new Money(99m, Currency.Usd), boundaries, march.SecondsInto(change), march.Seconds);

        // 16 of the month's 31 days minus one hour: 1,382,400 of 2,674,800 s (16/31 of a nominal month would be 51.10).
        Assert.Equal(1_382_400, march.Seconds - march.SecondsInto(change));
        Assert.Equal(new Money(51.17m, Currency.Usd), rest);
    }

    [Fact]
    public void Cuts_on_the_boundaries_add_no_segment() =>
        Assert.Equal([0L, 2_592_000L], Proration.Boundaries(Month(2026, 4), [UtcAt(2026, 4, 1), UtcAt(2026, 5, 1)]));
}
