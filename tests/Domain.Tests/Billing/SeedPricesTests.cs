using Platform.Domain.Billing;
using Platform.Domain.Quota;

namespace Platform.Domain.Tests.Billing;

public sealed class SeedPricesTests
{
    [Theory]
    [InlineData("free", 0)]
    [InlineData("basic", 29)]
    [InlineData("pro", 99)]
    [InlineData("enterprise", 299)]
    public void Each_seeded_plan_has_its_monthly_fee_in_dollars(string planId, decimal fee)
    {
        var price = SeedPrices.For(planId);

        Assert.Equal(new Money(fee, Currency.Usd), price.BaseFee);
        Assert.Equal(BillingInterval.Month, price.Interval);
        Assert.Equal(1, price.Version);
    }

    [Fact]
    public void Every_seeded_quota_plan_has_a_price_and_the_same_ids() =>
        Assert.Equal(SeedPlans.All.Select(p => p.Id), SeedPrices.All.Select(p => p.PlanId));

    [Fact]
    public void Pay_as_you_go_is_a_tenth_of_a_cent_per_call_and_a_dime_per_GB_month()
    {
        var pro = SeedPrices.For("pro");

        Assert.Equal(new PerUnitCharge(0.001m), pro.PriceOf(BillableMetrics.ApiCalls)!.Model);
        Assert.Equal(new PerUnitCharge(0.1m), pro.PriceOf(BillableMetrics.StorageGbMonths)!.Model);
    }

    [Theory]
    [InlineData("free", 50_000, 0.09765625)]
    [InlineData("basic", 500_000, 1)]
    [InlineData("pro", 5_000_000, 10)]
    [InlineData("enterprise", 50_000_000, 100)]
    public void Plans_include_what_their_quota_allows(string planId, decimal calls, decimal gbMonths)
    {
        var price = SeedPrices.For(planId);

        Assert.Equal(calls, price.PriceOf(BillableMetrics.ApiCalls)!.Included);
        Assert.Equal(gbMonths, price.PriceOf(BillableMetrics.StorageGbMonths)!.Included);
    }
}
