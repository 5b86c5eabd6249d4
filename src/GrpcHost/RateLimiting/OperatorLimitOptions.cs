using Platform.Application.Abstractions.RateLimiting;

namespace Platform.GrpcHost.RateLimiting;

/// <summary>
/// Bound from <c>Platform:RateLimiting:Operator</c>: operators are not limited by any tenant's
/// plan but share one budget of their own. 0 turns a window off.
/// </summary>
public sealed class OperatorLimitOptions
{
    public const string Section = "Platform:RateLimiting:Operator";

    public long PerSecond { get; set; } = 1_000;
    public long Burst { get; set; } = 5_000;
    public long PerHour { get; set; }

    public IReadOnlyList<RateLimitRule> Rules()
    {
        var rules = new List<RateLimitRule>();
        if (PerSecond > 0) rules.Add(new RateLimitRule("operator_calls_per_second", RateWindow.Second, PerSecond, Burst));
        if (PerHour > 0) rules.Add(new RateLimitRule("operator_calls_per_hour", RateWindow.Hour, PerHour));
        return rules;
    }
}
