namespace Platform.Application.Abstractions.RateLimiting;

/// <summary>The window a rate limit counts over.</summary>
public enum RateWindow
{
    /// <summary>Per-second rate with a burst allowance, decided by GCRA (no fixed boundary).</summary>
    Second,
    Hour,
    Day,
    Month,
}

/// <summary>
/// One limit that applies to a call: at most <paramref name="Limit"/> cost units per window.
/// For <see cref="RateWindow.Second"/>, <paramref name="Limit"/> is the sustained rate per second and
/// <paramref name="Burst"/> the number of units that may be spent at once (at least 1).
/// </summary>
/// <param name="LimitId">Stable id reported to clients, e.g. <c>api_calls_per_hour</c>.</param>
public sealed record RateLimitRule(string LimitId, RateWindow Window, long Limit, long Burst = 0)
{
    public long EffectiveBurst => Window == RateWindow.Second ? Math.Max(1, Burst > 0 ? Burst : Limit) : Limit;
}
