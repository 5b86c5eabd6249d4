using Platform.Application.Abstractions.RateLimiting;

namespace Platform.Infrastructure.Tests.RateLimiting;

/// <summary>
/// Tests on Redis run on the real clock: they pick a zone (offsets :00, :30, :45) whose current hour
/// and day windows will not end for a few minutes, so a window boundary cannot split a test.
/// </summary>
public static class StableCalendar
{
    private static readonly string[] Zones = ["UTC", "Asia/Kolkata", "Asia/Kathmandu"];

    public static WindowCalendar At(DateTimeOffset now)
    {
        foreach (var id in Zones)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            if (ExpectedWindows.Hour(now, zone).End - now > TimeSpan.FromMinutes(3)
                && ExpectedWindows.Day(now, zone).End - now > TimeSpan.FromMinutes(3))
            {
                return new WindowCalendar(zone, 1);
            }
        }

        throw new InvalidOperationException("No zone is clear of a window boundary; cannot happen with these offsets.");
    }
}
