using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>
/// One version of a plan's prices: its base fee per period and how each metric is charged.
/// Prices are versioned rather than edited so that an invoice can always be regenerated from the
/// version it was computed with; the plan's limits stay on <see cref="Quota.Plan"/>.
/// </summary>
public sealed record PlanPrice
{
    public const int MaxMetrics = 50;

    private PlanPrice(string planId, int version, BillingInterval interval, Money baseFee, IReadOnlyList<MetricPrice> metrics)
    {
        PlanId = planId;
        Version = version;
        Interval = interval;
        BaseFee = baseFee;
        Metrics = metrics;
    }

    public string PlanId { get; }

    public int Version { get; }

    public BillingInterval Interval { get; }

    /// <summary>The list price of one full period, before any commitment.</summary>
    public Money BaseFee { get; }

    public IReadOnlyList<MetricPrice> Metrics { get; }

    public Currency Currency => BaseFee.Currency;

    public static Result<PlanPrice> Create(string planId, int version, BillingInterval interval, Money baseFee, IReadOnlyList<MetricPrice> metrics)
    {
        var v = new Validation()
            .Check(ResourceIds.IsValid(planId), "plan_id", "must match [a-z][a-z0-9-]{1,62}")
            .Check(version >= 1, "version", "must be 1 or more")
            .Check(Enum.IsDefined(interval), "interval", "must be MONTH or YEAR")
            .Check(metrics.Count <= MaxMetrics, "metrics", $"at most {MaxMetrics} metrics");
        PriceRules.Price(v, baseFee.Amount, "base_fee");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++)
        {
            metrics[i].Check(v, $"metrics[{i}]");
            v.Check(seen.Add(metrics[i].Metric), $"metrics[{i}].metric", $"{metrics[i].Metric} is priced twice");
        }

        return v.ToError() is { } error ? error : new PlanPrice(planId, version, interval, baseFee, [.. metrics]);
    }

    public MetricPrice? PriceOf(string metric) => Metrics.FirstOrDefault(m => m.Metric == metric);

    /// <summary>The price of one full period under <paramref name="commitment"/> (if it covers the period), rounded once.</summary>
    public Money FullPeriodFee(Commitment? commitment, DateTimeOffset periodStart) =>
        (commitment is not null && commitment.Covers(periodStart) ? commitment.Apply(BaseFee) : BaseFee).Rounded();
}
