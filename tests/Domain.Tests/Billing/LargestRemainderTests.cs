using Platform.Domain.Billing;

namespace Platform.Domain.Tests.Billing;

public sealed class LargestRemainderTests
{
    private static IReadOnlyList<decimal> Split(decimal total, Currency currency, params decimal[] weights) =>
        [.. LargestRemainder.Allocate(new Money(total, currency), weights).Value.Select(m => m.Amount)];

    [Fact]
    public void A_dollar_in_three_gives_the_spare_cent_to_the_first_part() =>
        Assert.Equal([0.34m, 0.33m, 0.33m], Split(1m, Currency.Usd, 1, 1, 1));

    [Fact]
    public void The_largest_remainder_wins_over_position() =>
        // Exact shares 3.333… and 6.666…: the spare cent goes to the larger remainder, not the first part.
        Assert.Equal([3.33m, 6.67m], Split(10m, Currency.Usd, 1, 2));

    [Fact]
    public void Negative_amounts_split_symmetrically() =>
        Assert.Equal([-0.34m, -0.33m, -0.33m], Split(-1m, Currency.Usd, 1, 1, 1));

    [Fact]
    public void Zero_weights_get_nothing() =>
        Assert.Equal([0m, 100m, 0m], Split(100m, Currency.Jpy, 0, 5, 0));

    [Fact]
    public void Whole_yen_and_thousandths_of_a_dinar()
    {
        Assert.Equal([334m, 333m, 333m], Split(1000m, Currency.Jpy, 1, 1, 1));
        Assert.Equal([0.334m, 0.333m, 0.333m], Split(1m, Currency.Kwd, 1, 1, 1));
    }

    [Fact]
    public void Tiny_and_precise_weights_are_counted_exactly() =>
        Assert.Equal([0.5m, 0.5m], Split(1m, Currency.Usd, 0.0000000000000000000000000001m, 0.0000000000000000000000000001m));

    [Theory]
    [InlineData("1.005")]
    public void An_unrounded_total_is_refused(string total)
    {
        var result = LargestRemainder.Allocate(new Money(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), Currency.Usd), [1m]);
        Assert.Equal("total", result.Error!.Violations[0].Field);
    }

    [Fact]
    public void Empty_negative_or_all_zero_weights_are_refused()
    {
        var one = new Money(1m, Currency.Usd);
        Assert.False(LargestRemainder.Allocate(one, []).IsSuccess);
        Assert.False(LargestRemainder.Allocate(one, [1m, -1m]).IsSuccess);
        Assert.False(LargestRemainder.Allocate(one, [0m, 0m]).IsSuccess);
    }

    [Fact]
    public void Property_parts_sum_to_the_total_and_stay_within_one_unit_of_their_exact_share()
    {
        var random = new Random(7);
        Currency[] currencies = [Currency.Usd, Currency.Jpy, Currency.Kwd];
        for (var run = 0; run < 2_000; run++)
        {
            var currency = currencies[random.Next(currencies.Length)];
            var total = new Money(random.NextInt64(-10_000_000, 10_000_000) * currency.MinorUnit, currency);
            var weights = Enumerable.Range(0, random.Next(1, 12))
                .Select(_ => random.Next(4) == 0 ? 0m : random.NextInt64(1, 1_000_000_000) / (decimal)Math.Pow(10, random.Next(0, 6)))
                .ToArray();
            if (weights.All(w => w == 0m))
            {
                weights[0] = 1m;
            }

            var parts = LargestRemainder.Allocate(total, weights).Value;

            Assert.Equal(total, Money.Sum(parts, currency));
            var sum = weights.Sum();
            for (var i = 0; i < parts.Count; i++)
            {
                Assert.True(parts[i].IsRounded);
                Assert.True(Math.Abs(parts[i].Amount - (total.Amount * weights[i] / sum)) < currency.MinorUnit, $"run {run} part {i}");
            }

            Assert.Equal(parts, LargestRemainder.Allocate(total, weights).Value);
        }
    }
}
