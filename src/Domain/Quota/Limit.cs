using Platform.Domain.Common;

namespace Platform.Domain.Quota;

/// <summary>
/// One limit: at most <see cref="Value"/> units of <see cref="Metric"/> per <see cref="Window"/>
/// (rates) or in total (allocations). Unlimited is a flag, never a magic number.
/// </summary>
public sealed record Limit(string Metric, LimitWindow Window, long Value, bool Unlimited = false, long Burst = 0)
{
    /// <summary>Largest value accepted; keeps sums of usage and amounts far from overflow.</summary>
    public const long MaxValue = 1_000_000_000_000_000;

    public static Limit Of(string metric, long value) => new(metric, LimitWindow.None, value);

    public static Limit Rate(LimitWindow window, long value, long burst = 0) => new(Metrics.ApiCalls, window, value, Burst: burst);

    public static Limit NoLimit(string metric, LimitWindow window = LimitWindow.None) => new(metric, window, 0, Unlimited: true);

    /// <summary>The id clients see: <c>api_calls_per_hour</c> for rates, the metric for allocations.</summary>
    public string LimitId => IdFor(Metric, Window);

    public bool IsRate => Window != LimitWindow.None;

    /// <summary>Units that may be spent at once under the per-second rate.</summary>
    public long EffectiveBurst => Burst > 0 ? Burst : Value;

    public static string IdFor(string metric, LimitWindow window) => window switch
    {
        LimitWindow.Second => $"{metric}_per_second",
        LimitWindow.Hour => $"{metric}_per_hour",
        LimitWindow.Day => $"{metric}_per_day",
        LimitWindow.Month => $"{metric}_per_month",
        _ => metric,
    };

    /// <summary>Checks one limit; <paramref name="field"/> is its path in the request.</summary>
    public void Check(Validation v, string field)
    {
        if (!Metrics.IsValidId(Metric))
        {
            v.Add($"{field}.metric", "must match [a-z][a-z0-9_]{0,62}");
            return;
        }

        if (Metric == Metrics.ApiCalls)
        {
            v.Check(Window != LimitWindow.None, $"{field}.window", "api_calls needs a window: SECOND, HOUR, DAY or MONTH");
        }
        else
        {
            v.Check(Window == LimitWindow.None, $"{field}.window", "only api_calls is a rate; allocation metrics have no window");
        }

        v.Check(Enum.IsDefined(Window), $"{field}.window", "unknown window")
         .Check(Value is >= 0 and <= MaxValue, $"{field}.value", $"must be between 0 and {MaxValue}")
         .Check(!Unlimited || Value == 0, $"{field}.value", "must be 0 when unlimited is set")
         .Check(Burst is >= 0 and <= MaxValue, $"{field}.burst", $"must be between 0 and {MaxValue}")
         .Check(Burst == 0 || Window == LimitWindow.Second, $"{field}.burst", "only the per-second window has a burst");
    }
}
