using Platform.Application.Abstractions.RateLimiting;
using Platform.Infrastructure.RateLimiting;

namespace Platform.Infrastructure.Tests.RateLimiting;

public sealed class CalendarWindowsTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void Month_windows_follow_the_zone_offset_in_force_at_each_boundary()
    {
        // New York: 1 Nov 2026 midnight is still EDT (-4); 1 Dec is EST (-5).
        var months = CalendarWindows.MonthsAround(new WindowCalendar(Zone("America/New_York"), 1), Utc(2026, 11, 24));

        Assert.Equal(Utc(2026, 11, 1, 4).ToUnixTimeSeconds(), months.Current);
        Assert.Equal(Utc(2026, 12, 1, 5).ToUnixTimeSeconds(), months.Next);
        Assert.Equal(Utc(2027, 1, 1, 5).ToUnixTimeSeconds(), months.AfterNext);
    }

    [Fact]
    public void An_instant_before_this_months_anchor_belongs_to_last_months_window()
    {
        var months = CalendarWindows.MonthsAround(new WindowCalendar(TimeZoneInfo.Utc, 31), Utc(2026, 3, 30, 23, 59));

        Assert.Equal(Utc(2026, 2, 28).ToUnixTimeSeconds(), months.Current);
        Assert.Equal(Utc(2026, 3, 31).ToUnixTimeSeconds(), months.Next);
        Assert.Equal(Utc(2026, 4, 30).ToUnixTimeSeconds(), months.AfterNext);
    }

    [Fact]
    public void A_skipped_local_midnight_starts_the_month_at_the_first_local_time_that_exists()
    {
        // Havana springs forward at 00:00 on 8 March 2026, straight to 01:00 CDT (-4).
        var months = CalendarWindows.MonthsAround(new WindowCalendar(Zone("America/Havana"), 8), Utc(2026, 3, 20));

        Assert.Equal(Utc(2026, 3, 8, 5).ToUnixTimeSeconds(), months.Current);
    }

    [Fact]
    public void A_repeated_local_midnight_resolves_to_standard_time()
    {
        // Havana falls back at 01:00 CDT on 1 November 2026 to 00:00 CST: midnight happens twice.
        var months = CalendarWindows.MonthsAround(new WindowCalendar(Zone("America/Havana"), 1), Utc(2026, 11, 20));

        Assert.Equal(Utc(2026, 11, 1, 5).ToUnixTimeSeconds(), months.Current);
    }

    [Theory]
    [InlineData("Asia/Kolkata", 10, 29, 9, 30)] // +05:30
    [InlineData("Asia/Kathmandu", 10, 29, 10, 15)] // +05:45
    [InlineData("America/St_Johns", 10, 29, 9, 30)] // -02:30 in March (DST)
    public void Hour_windows_align_to_non_whole_hour_offsets(string zoneId, int hour, int minute, int startHour, int startMinute)
    {
        var now = Utc(2026, 3, 10, hour, minute);
        var offset = CalendarWindows.OffsetSeconds(new WindowCalendar(Zone(zoneId), 1), now);

        var (start, end) = CalendarWindows.FixedWindow(RateWindow.Hour, now.ToUnixTimeSeconds(), offset, null);

        Assert.Equal(Utc(2026, 3, 10, startHour, startMinute).ToUnixTimeSeconds(), start);
        Assert.Equal(start + 3600, end);
    }

    [Fact]
    public void Day_windows_align_to_negative_offsets()
    {
        var now = Utc(2026, 1, 10, 3);
        var offset = CalendarWindows.OffsetSeconds(new WindowCalendar(Zone("America/Los_Angeles"), 1), now);

        var (start, _) = CalendarWindows.FixedWindow(RateWindow.Day, now.ToUnixTimeSeconds(), offset, null);

        Assert.Equal(Utc(2026, 1, 9, 8).ToUnixTimeSeconds(), start);
    }
}
