using Platform.Domain.Billing;

namespace Platform.Domain.Tests.Billing;

public sealed class BillingCalendarTests
{
    private static BillingCalendar Calendar(string zone, int anchorDay, BillingInterval interval = BillingInterval.Month, int anchorMonth = 1) =>
        BillingCalendar.Create(zone, interval, anchorDay, anchorMonth).Value;

    private static IEnumerable<BillingPeriod> Periods(BillingCalendar calendar, DateTimeOffset from, int count)
    {
        var period = calendar.PeriodContaining(from);
        for (var i = 0; i < count; i++)
        {
            yield return period;
            period = calendar.Next(period);
        }
    }

    [Fact]
    public void A_subscription_starting_on_the_31st_clamps_to_month_ends_without_drifting()
    {
        var start = new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);
        var calendar = BillingCalendar.ForSubscription("UTC", BillingInterval.Month, start).Value;

        var starts = Periods(calendar, start, 5).Select(p => p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(31, calendar.AnchorDay);
        Assert.Equal(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"], starts);
    }

    [Theory]
    [InlineData(2028, 29, "2028-02-29", "2028-03-29")]
    [InlineData(2028, 30, "2028-02-29", "2028-03-30")]
    [InlineData(2027, 29, "2027-02-28", "2027-03-29")]
    [InlineData(2027, 31, "2027-02-28", "2027-03-31")]
    public void February_takes_the_anchor_or_its_last_day_in_leap_and_other_years(int year, int anchor, string start, string end)
    {
        var period = Calendar("UTC", anchor).PeriodContaining(new DateTimeOffset(year, 3, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(start, period.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(end, period.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_yearly_subscription_from_February_29_renews_on_the_28th_until_the_next_leap_year()
    {
        var start = new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.Zero);
        var calendar = BillingCalendar.ForSubscription("UTC", BillingInterval.Year, start).Value;

        var starts = Periods(calendar, start, 5).Select(p => p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"], starts);
    }

    [Fact]
    public void A_New_York_month_containing_the_spring_change_is_an_hour_short_and_keeps_local_midnights()
    {
        var period = Calendar("America/New_York", 1).PeriodContaining(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.FromHours(-4)));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(-5)), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(-4)), period.End);
        Assert.Equal(TimeSpan.FromHours(-5), period.Start.Offset);
        Assert.Equal(TimeSpan.FromHours(-4), period.End.Offset);
        Assert.Equal((31 * 86_400) - 3_600, period.Seconds);
    }

    [Fact]
    public void A_Berlin_month_containing_the_autumn_change_is_an_hour_long()
    {
        var period = Calendar("Europe/Berlin", 1).PeriodContaining(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(1)));

        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(2)), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(1)), period.End);
        Assert.Equal((31 * 86_400) + 3_600, period.Seconds);
    }

    [Fact]
    public void The_boundary_follows_local_midnight_not_UTC_midnight()
    {
        var calendar = Calendar("America/New_York", 1);
        var lastSecond = new DateTimeOffset(2026, 3, 31, 23, 59, 59, TimeSpan.FromHours(-4));

        Assert.Equal(3, calendar.PeriodContaining(lastSecond).Start.Month);
        Assert.Equal(4, calendar.PeriodContaining(lastSecond.AddSeconds(1)).Start.Month);
        Assert.Equal(3, calendar.PeriodContaining(new DateTimeOffset(2026, 4, 1, 2, 0, 0, TimeSpan.Zero)).Start.Month);
    }

    [Fact]
    public void A_skipped_local_midnight_starts_the_period_at_the_first_local_time_that_exists()
    {
        // America/Havana springs forward at 00:00 on 2026-03-08 and falls back at 01:00 to a repeated midnight on 2026-11-01.
        var spring = Calendar("America/Havana", 8).PeriodContaining(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.FromHours(-4)));
        var autumn = Calendar("America/Havana", 1).PeriodContaining(new DateTimeOffset(2026, 11, 15, 0, 0, 0, TimeSpan.FromHours(-5)));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 1, 0, 0, TimeSpan.FromHours(-4)), spring.Start);
        Assert.Equal(TimeSpan.FromHours(-4), spring.Start.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(-5)), autumn.Start);
        Assert.Equal(TimeSpan.FromHours(-5), autumn.Start.Offset);
    }

    [Theory]
    [InlineData("UTC", 1)]
    [InlineData("America/New_York", 31)]
    [InlineData("Europe/Berlin", 30)]
    [InlineData("Australia/Lord_Howe", 29)]
    [InlineData("Asia/Kolkata", 15)]
    [InlineData("America/Havana", 8)]
    public void Property_periods_tile_time_and_start_on_the_clamped_anchor_day(string zone, int anchor)
    {
        var calendar = Calendar(zone, anchor);
        BillingPeriod? previous = null;
        foreach (var period in Periods(calendar, new DateTimeOffset(2024, 1, 10, 0, 0, 0, TimeSpan.Zero), 12 * 8))
        {
            var local = TimeZoneInfo.ConvertTime(period.Start, calendar.Zone);
            Assert.Equal(Math.Min(anchor, DateTime.DaysInMonth(local.Year, local.Month)), local.Day);
            Assert.Equal(period, calendar.PeriodContaining(period.Start));
            Assert.Equal(period, calendar.PeriodContaining(period.End.AddSeconds(-1)));
            if (previous is not null)
            {
                Assert.Equal(previous.End, period.Start);
            }

            previous = period;
        }
    }

    [Fact]
    public void Yearly_periods_recur_in_the_anchor_month()
    {
        var period = Calendar("Europe/Berlin", 15, BillingInterval.Year, 6).PeriodContaining(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 6, 15, 0, 0, 0, TimeSpan.FromHours(2)), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.FromHours(2)), period.End);
        Assert.Equal(365 * 86_400, period.Seconds);
    }

    [Fact]
    public void Zones_and_anchors_are_checked_with_the_tenant_rules()
    {
        var error = BillingCalendar.Create("Mars/Olympus", (BillingInterval)7, 32, 13).Error!;

        Assert.Equal(["time_zone", "billing_anchor_day", "interval", "anchor_month"], error.Violations.Select(v => v.Field));
    }
}
