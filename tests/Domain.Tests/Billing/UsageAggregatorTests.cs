using Platform.Domain.Billing;

namespace Platform.Domain.Tests.Billing;

public sealed class UsageAggregatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly UsagePoint[] Points =
    [
        new(2.5m, T0.AddHours(3), "b", "u1"),
        new(7m, T0.AddHours(1), "a", "u2"),
        new(0.125m, T0.AddHours(3), "c", "u1"),
        new(1m, T0.AddHours(2), "d", null),
    ];

    [Theory]
    [InlineData(UsageAggregation.Sum, "10.625")]
    [InlineData(UsageAggregation.Max, "7")]
    [InlineData(UsageAggregation.UniqueCount, "2")]
    [InlineData(UsageAggregation.Latest, "0.125")] // two events at the last time: the larger key wins, whatever the order
    public void Each_aggregation_folds_the_events_exactly(UsageAggregation aggregation, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), UsageAggregator.Aggregate(aggregation, Points));
        Assert.Equal(UsageAggregator.Aggregate(aggregation, Points), UsageAggregator.Aggregate(aggregation, Points.Reverse()));
    }

    [Fact]
    public void No_events_is_zero_for_every_aggregation() =>
        Assert.All(Enum.GetValues<UsageAggregation>(), a => Assert.Equal(0m, UsageAggregator.Aggregate(a, [])));
}
