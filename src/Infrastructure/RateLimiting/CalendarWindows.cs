using Platform.Application.Abstractions.RateLimiting;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Window arithmetic for the host side of both limiters. The hour/day formula is the one in
/// <c>RateLimit.lua</c>; keep them identical so embedded and Redis modes count the same windows.
/// </summary>
internal static class CalendarWindows
{
    private const long HourSeconds = 3600;
    private const long DaySeconds = 86400;

    /// <summary>
    /// The tenant's UTC offset in force at <paramref name="now"/>. Caveat: an hour or day window that
    /// spans a DST change is aligned with the offset of the moment of the call, so around a change the
    /// window boundary moves by the DST shift (a local day can last 23 or 25 hours, and the windows
    /// counted just before and just after a change may overlap or leave a gap).
    /// </summary>
    public static long OffsetSeconds(WindowCalendar calendar, DateTimeOffset now) =>
        (long)calendar.TimeZone.GetUtcOffset(now).TotalSeconds;

    /// <summary>The fixed window containing <paramref name="nowSeconds"/>, as epoch seconds [start, end).</summary>
    public static (long Start, long End) FixedWindow(RateWindow window, long nowSeconds, long offsetSeconds, MonthBoundaries? month)
    {
        if (window == RateWindow.Month)
        {
            var m = month ?? throw new ArgumentNullException(nameof(month));
            return nowSeconds >= m.Next ? (m.Next, m.AfterNext) : (m.Current, m.Next);
        }

        var period = window == RateWindow.Hour ? HourSeconds : DaySeconds;
        var start = nowSeconds - FlooredMod(nowSeconds + offsetSeconds, period);
        return (start, start + period);
    }

    /// <summary>The billing month containing <paramref name="instant"/> and the one after it.</summary>
    public static MonthBoundaries MonthsAround(WindowCalendar calendar, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, calendar.TimeZone);
        var month = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var start = MonthStart(calendar, month);
        if (start > instant)
        {
            month = month.AddMonths(-1);
            start = MonthStart(calendar, month);
        }

        var next = MonthStart(calendar, month.AddMonths(1));
        var afterNext = MonthStart(calendar, month.AddMonths(2));
        return new MonthBoundaries(start.ToUnixTimeSeconds(), next.ToUnixTimeSeconds(), afterNext.ToUnixTimeSeconds());
    }

    // Local midnight of the anchor day, clamped to the month's last day (anchor 31 in February is the 28th/29th).
    private static DateTimeOffset MonthStart(WindowCalendar calendar, DateTime month)
    {
        var zone = calendar.TimeZone;
        var day = Math.Min(Math.Clamp(calendar.BillingAnchorDay, 1, 31), DateTime.DaysInMonth(month.Year, month.Month));
        var midnight = new DateTime(month.Year, month.Month, day, 0, 0, 0, DateTimeKind.Unspecified);
        // Some zones skip local midnight when DST starts: the month then starts at the first local time
        // that exists. An ambiguous midnight (DST ending at 00:00) resolves to the standard-time offset.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private static long FlooredMod(long value, long period) => ((value % period) + period) % period;
}
