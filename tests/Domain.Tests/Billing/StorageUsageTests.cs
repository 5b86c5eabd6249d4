using Platform.Domain.Billing;
using static Platform.Domain.Tests.Billing.BillingSamples;

namespace Platform.Domain.Tests.Billing;

public sealed class StorageUsageTests
{
    private const long Gb = BillableMetrics.BytesPerGb;

    [Theory]
    [InlineData(2026, 2)]
    [InlineData(2026, 3)]
    [InlineData(2028, 2)]
    public void A_GB_held_for_a_whole_month_is_one_GB_month_whatever_the_month_length(int year, int month) =>
        Assert.Equal(1m, StorageUsage.GbMonths(Month(year, month), BillingInterval.Month, Gb, []));

    [Fact]
    public void Storage_is_integrated_to_the_second()
    {
        var april = Month(2026, 4);

        var gbMonths = StorageUsage.GbMonths(april, BillingInterval.Month, 0, [new(UtcAt(2026, 4, 16), 4 * Gb), new(UtcAt(2026, 4, 16, 12), 2 * Gb)]);

        // 4 GB for half a day, then 2 GB for 14.5 days, of a 30-day month.
        Assert.Equal(((4m * 0.5m) + (2m * 14.5m)) / 30m, gbMonths);
    }

    [Fact]
    public void Samples_outside_the_period_are_clamped_and_yearly_periods_hold_twelve_months()
    {
        var year = BillingCalendar.Create("UTC", BillingInterval.Year, 1).Value.PeriodContaining(UtcAt(2026, 6, 1));

        var gbMonths = StorageUsage.GbMonths(year, BillingInterval.Year, 0, [new(UtcAt(2025, 6, 1), Gb)]);

        Assert.Equal(12m, gbMonths);
    }
}
