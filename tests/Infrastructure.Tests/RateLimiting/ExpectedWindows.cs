namespace Platform.Infrastructure.Tests.RateLimiting;

/// <summary>
/// Windows computed the slow, obvious way (local wall clock, walking the calendar day by day), to
/// check the limiters' epoch arithmetic against something that does not share its code.
/// </summary>
public static class ExpectedWindows
{
    public static (DateTimeOffset Start, DateTimeOffset End) Hour(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var start = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
        return (start, start.AddHours(1));
    }

    public static (DateTimeOffset Start, DateTimeOffset End) Day(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var start = new DateTimeOffset(local.Date, local.Offset);
        return (start, start.AddDays(1));
    }

    public static (DateTimeOffset Start, DateTimeOffset End) Month(DateTimeOffset now, TimeZoneInfo zone, int anchorDay)
    {
        var day = TimeZoneInfo.ConvertTime(now, zone).Date;
        while (!IsAnchor(day, anchorDay) || Midnight(day, zone) > now)
        {
            day = day.AddDays(-1);
        }

        var end = day.AddDays(1);
        while (!IsAnchor(end, anchorDay))
        {
            end = end.AddDays(1);
        }

        return (Midnight(day, zone), Midnight(end, zone));
    }

    private static bool IsAnchor(DateTime day, int anchorDay) => day.Day == Math.Min(anchorDay, DateTime.DaysInMonth(day.Year, day.Month));

    private static DateTimeOffset Midnight(DateTime day, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
}
