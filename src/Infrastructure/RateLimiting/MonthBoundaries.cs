namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Two consecutive billing-month windows, [Current, Next) and [Next, AfterNext), in epoch seconds.
/// The host computes them (months need the time-zone database); whoever holds the clock (Redis or
/// the in-process limiter) picks the one containing its now.
/// </summary>
internal sealed record MonthBoundaries(long Current, long Next, long AfterNext);
