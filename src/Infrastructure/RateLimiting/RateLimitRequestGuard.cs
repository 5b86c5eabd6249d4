using Platform.Application.Abstractions.RateLimiting;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>Rejects requests no limiter can decide, before any of them charges anything.</summary>
internal static class RateLimitRequestGuard
{
    public static void Validate(RateLimitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Key, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Rules, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Calendar, nameof(request));
        // Cost 0 is a peek: it reports every window's position and charges nothing (GetQuota, CheckQuota).
        if (request.Cost < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Cost, "Cost must not be negative.");
        }

        foreach (var rule in request.Rules)
        {
            // A fixed window of 0 simply denies everything; a rate of 0 per second has no GCRA interval.
            var minimum = rule.Window == RateWindow.Second ? 1 : 0;
            if (rule.Limit < minimum)
            {
                throw new ArgumentOutOfRangeException(nameof(request), rule.Limit, $"Limit of '{rule.LimitId}' must be at least {minimum}.");
            }
        }
    }
}
