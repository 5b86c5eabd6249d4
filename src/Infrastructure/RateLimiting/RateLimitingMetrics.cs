using System.Diagnostics.Metrics;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Meter <c>Platform.RateLimiting</c>: <c>platform.ratelimit.fallback.decisions</c> counts decisions
/// taken locally because Redis failed, timed out or the circuit was open (tag <c>reason</c>).
/// </summary>
public sealed class RateLimitingMetrics : IDisposable
{
    public const string MeterName = "Platform.RateLimiting";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _fallbackDecisions;

    public RateLimitingMetrics()
    {
        _fallbackDecisions = _meter.CreateCounter<long>(
            "platform.ratelimit.fallback.decisions", unit: "{decision}", description: "Rate-limit decisions taken locally while Redis was unavailable.");
    }

    /// <summary>This instance's meter; tests listen to it alone, not to every meter of that name.</summary>
    internal Meter Meter => _meter;

    public void FallbackDecision(string reason) => _fallbackDecisions.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();
}
