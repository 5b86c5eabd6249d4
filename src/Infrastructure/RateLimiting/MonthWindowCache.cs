using System.Collections.Concurrent;
using Platform.Application.Abstractions.RateLimiting;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Month boundaries per calendar, recomputed only when the cached pair no longer covers now
/// (time-zone conversions are too slow to repeat on every call).
/// </summary>
internal sealed class MonthWindowCache
{
    // Computed for a moment a little in the past, so that a Redis clock trailing the host's still
    // finds its window among the two sent around a month boundary.
    private static readonly TimeSpan SkewAllowance = TimeSpan.FromMinutes(5);

    // Keyed by zone id rather than TimeZoneInfo: equality of TimeZoneInfo compares adjustment rules.
    private readonly ConcurrentDictionary<(string Zone, int AnchorDay), MonthBoundaries> _cache = new();

    public MonthBoundaries Get(WindowCalendar calendar, DateTimeOffset hostNow)
    {
        var reference = hostNow - SkewAllowance;
        var seconds = reference.ToUnixTimeSeconds();
        var key = (calendar.TimeZone.Id, calendar.BillingAnchorDay);
        if (_cache.TryGetValue(key, out var cached) && cached.Current <= seconds && seconds < cached.Next)
        {
            return cached;
        }

        var fresh = CalendarWindows.MonthsAround(calendar, reference);
        _cache[key] = fresh;
        return fresh;
    }
}
