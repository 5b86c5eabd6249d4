namespace Platform.Application.Abstractions.RateLimiting;

/// <summary>
/// Decides whether a call fits within all of its rate limits, atomically: either every window is
/// charged the call's cost, or none is. Implementations: Redis (shared by all hosts, time from
/// Redis), in-process (embedded mode), and a fail-open wrapper that falls back to a per-host share
/// of the limits while Redis is slow or down.
/// </summary>
public interface IRateLimiter
{
    ValueTask<RateLimitDecision> AcquireAsync(RateLimitRequest request, CancellationToken ct);
}
