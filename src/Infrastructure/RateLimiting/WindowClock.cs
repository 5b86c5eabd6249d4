namespace Platform.Infrastructure.RateLimiting;

/// <summary>One call's "now" and the tenant calendar data the windows are aligned with.</summary>
internal readonly record struct WindowClock(long NowMs, long OffsetSeconds, MonthBoundaries? Month);
