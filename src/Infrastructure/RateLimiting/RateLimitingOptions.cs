namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Bound from <c>Platform:RateLimiting</c>. Redis itself is <c>ConnectionStrings:Redis</c>; without it
/// the limiter is in-process and only <see cref="KnownHostsMinimum"/>-independent settings matter.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "Platform:RateLimiting";

    /// <summary>How long a call waits for Redis before deciding locally (the limiter is on every request's path).</summary>
    public int TimeoutMs { get; set; } = 50;

    /// <summary>Connect timeout of the Redis connection; small so a host starts and serves while Redis is down.</summary>
    public int ConnectTimeoutMs { get; set; } = 1000;

    /// <summary>Share of failed Redis calls within the sampling window that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the ratio is judged (Polly: at least 2).</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Sampling window of the failure ratio (Polly: at least 500 ms).</summary>
    public int BreakerSamplingDurationMs { get; set; } = 5000;

    /// <summary>How long the circuit stays open before one call probes Redis again (Polly: at least 500 ms).</summary>
    public int BreakerBreakDurationMs { get; set; } = 5000;

    /// <summary>Floor for the number of hosts the limits are divided by while Redis is unavailable.</summary>
    public int KnownHostsMinimum { get; set; } = 1;

    /// <summary>How often each host records itself in <see cref="HostsKey"/>.</summary>
    public int HostHeartbeatSeconds { get; set; } = 5;

    /// <summary>A host not seen for this long no longer counts.</summary>
    public int HostExpirySeconds { get; set; } = 20;

    /// <summary>
    /// Prepended to every request key inside the hash tag; lets several platforms (or test runs)
    /// share one Redis without sharing counters. Empty by default.
    /// </summary>
    public string KeyPrefix { get; set; } = "";

    /// <summary>Redis sorted set of live hosts (member: host id, score: last heartbeat, Redis time).</summary>
    public string HostsKey { get; set; } = "platform:hosts";
}
