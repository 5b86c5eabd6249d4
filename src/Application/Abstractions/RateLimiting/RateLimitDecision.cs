namespace Platform.Application.Abstractions.RateLimiting;

/// <summary>
/// The outcome for one call. A denied call consumed nothing from any window (all-or-nothing).
/// <paramref name="Degraded"/> is true when the shared backend was unavailable and a local fallback
/// decided; such a decision never denies because of the backend error itself.
/// </summary>
public sealed record RateLimitDecision(
    bool Allowed,
    IReadOnlyList<RateLimitState> States,
    string? DeniedLimitId,
    TimeSpan RetryAfter,
    bool Degraded)
{
    public static RateLimitDecision Unlimited { get; } = new(true, [], null, TimeSpan.Zero, false);
}

/// <summary>
/// A limit's position after the decision: what is left in the current window and when it resets
/// (for the per-second rule: when the full burst is available again).
/// </summary>
/// <param name="Crossed80Percent">True when this call took the window from below 80 % used to at or above it.</param>
public sealed record RateLimitState(
    RateLimitRule Rule,
    long Remaining,
    TimeSpan ResetAfter,
    DateTimeOffset WindowStart,
    bool Crossed80Percent);
