using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record GetUsageQuery(string Name, DateTimeOffset? PeriodTime) : IQuery<Result<UsageView>>, IValidatable
{
    public Error? Validate() => UsageNames.Usage(Name).Error;
}

/// <summary>
/// One billing period of a tenant's usage: counted metrics summed per local day from the usage
/// store, storage integrated from its samples, each priced by <see cref="IUsagePricing"/>'s plan
/// price as the invoice would price it (quantity above the included amount through the charge model).
/// </summary>
/// <remarks>
/// The projection is what the period would come to at the current pace: counted metrics are
/// extrapolated linearly (to-date quantity × period length ÷ elapsed time); storage keeps its
/// current level to the period end, which is exactly how storage_gb_months accrues. Each metric is
/// aggregated as the catalog's billable metric defines it (as the invoice does): summed metrics per
/// day from the buckets; max, unique count and latest over each day and over the period to date,
/// and projected as they stand (a peak, a count of distinct values or a level does not grow with
/// time as a sum does). Metrics the catalog does not define are summed.
/// </remarks>
internal sealed class GetUsageHandler(TenantCalendars calendars, IUsageBuckets buckets, IUsageTotals totals, IUsagePricing pricing,
    IBillingCatalog catalog, TimeProvider clock)
    : IQueryHandler<GetUsageQuery, Result<UsageView>>
{
    public async ValueTask<Result<UsageView>> Handle(GetUsageQuery query, CancellationToken ct)
    {
        var tenantId = UsageNames.Usage(query.Name).Value;
        if (await calendars.FindAsync(tenantId, ct) is not { } found)
        {
            return Error.NotFound(query.Name);
        }

        var now = clock.GetUtcNow();
        var period = found.Calendar.PeriodContaining(query.PeriodTime ?? now);
        if (period.Start > now)
        {
            return Error.Validation("period_time", "must not be in a future billing period");
        }

        var upTo = period.End < now ? period.End : now;
        var days = DayBoundaries(period, upTo, found.Calendar.Zone);
        var sums = await buckets.SumsAsync(tenantId, days.Select(d => d.Start).Append(upTo).ToList(), ct);
        var price = await pricing.GetPlanPriceAsync(tenantId, ct);
        var definitions = (await catalog.ListMetricsAsync(null, 10_000, ct)).ToDictionary(m => m.Id, StringComparer.Ordinal);

        var elapsed = (decimal)(upTo - period.Start).Ticks;
        var scale = elapsed <= 0 ? 1m : (period.End - period.Start).Ticks / elapsed;
        var metrics = new List<MetricUsageView>();
        var names = (price?.Metrics.Select(m => m.Metric) ?? [BillableMetrics.ApiCalls, BillableMetrics.StorageGbMonths])
            .Concat(sums.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
        foreach (var metric in names)
        {
            if (metric == BillableMetrics.StorageGbMonths)
            {
                metrics.Add(await StorageAsync(tenantId, period, upTo, days, price, ct));
                continue;
            }

            if (definitions.GetValueOrDefault(metric) is { Aggregation: not UsageAggregation.Sum } definition)
            {
                metrics.Add(await AggregatedAsync(tenantId, definition, period, upTo, days, price, ct));
                continue;
            }

            var perDay = sums.GetValueOrDefault(metric) ?? new decimal[days.Count];
            var quantity = perDay.Sum();
            metrics.Add(Priced(metric, quantity, quantity * scale, price, days.Select((d, i) => new DailyQuantity(d.Date, perDay[i]))));
        }

        return new UsageView(tenantId, period.Start, period.End, price?.PlanId, (price?.Currency ?? Currency.Usd).Code, metrics);
    }

    /// <summary>A max, unique-count or latest metric: each day on its own, and the period to date as one window (not a fold of the days).</summary>
    private async Task<MetricUsageView> AggregatedAsync(string tenantId, BillableMetricDefinition definition, BillingPeriod period, DateTimeOffset upTo,
        List<(DateOnly Date, DateTimeOffset Start)> days, PlanPrice? price, CancellationToken ct)
    {
        IReadOnlyList<MeteredMetric> metered = [new MeteredMetric(definition.Id, definition.Aggregation, definition.UniqueProperty)];
        var daily = new List<DailyQuantity>(days.Count);
        for (var i = 0; i < days.Count; i++)
        {
            var end = i + 1 < days.Count ? days[i + 1].Start : upTo;
            daily.Add(new DailyQuantity(days[i].Date, (await totals.TotalsAsync(tenantId, days[i].Start, end, metered, ct))[0].Quantity));
        }

        var quantity = (await totals.TotalsAsync(tenantId, period.Start, upTo, metered, ct))[0].Quantity;
        return Priced(definition.Id, quantity, quantity, price, daily);
    }

    private async Task<MetricUsageView> StorageAsync(string tenantId, BillingPeriod period, DateTimeOffset upTo, List<(DateOnly Date, DateTimeOffset Start)> days,
        PlanPrice? price, CancellationToken ct)
    {
        var (atStart, samples) = await totals.StorageAsync(tenantId, period.Start, period.End, ct);

        // GB-months accrued up to t: the samples before t, then nothing from t on.
        decimal Accrued(DateTimeOffset t) => t <= period.Start
            ? 0m
            : StorageUsage.GbMonths(period, BillingInterval.Month, atStart, [.. samples.Where(s => s.At < t), new StorageSample(t, 0)]);

        var daily = new List<DailyQuantity>(days.Count);
        for (var i = 0; i < days.Count; i++)
        {
            var end = i + 1 < days.Count ? days[i + 1].Start : upTo;
            daily.Add(new DailyQuantity(days[i].Date, Accrued(end) - Accrued(days[i].Start)));
        }

        var projected = StorageUsage.GbMonths(period, BillingInterval.Month, atStart, samples);
        return Priced(BillableMetrics.StorageGbMonths, Accrued(upTo), projected, price, daily);
    }

    private static MetricUsageView Priced(string metric, decimal quantity, decimal projected, PlanPrice? price, IEnumerable<DailyQuantity> days)
    {
        projected = Math.Round(projected, UsageEventRules.MaxScale);
        var metricPrice = price?.PriceOf(metric);
        var included = metricPrice?.Included ?? 0m;
        var billed = Math.Min(Math.Max(0m, projected - included), PriceRules.MaxQuantity);
        var charge = metricPrice is null ? 0m : metricPrice.Model.Price(billed).Amount;
        return new MetricUsageView(metric, Math.Round(quantity, UsageEventRules.MaxScale), included, projected, charge, [.. days]);
    }

    /// <summary>The local days of the period up to <paramref name="upTo"/>, each with the instant it starts (the period start for the first).</summary>
    private static List<(DateOnly Date, DateTimeOffset Start)> DayBoundaries(BillingPeriod period, DateTimeOffset upTo, TimeZoneInfo zone)
    {
        var days = new List<(DateOnly, DateTimeOffset)>();
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(period.Start, zone).DateTime);
        var start = period.Start;
        while (start < upTo || days.Count == 0)
        {
            days.Add((date, start));
            date = date.AddDays(1);
            start = LocalMidnight(date, zone);
        }

        return days;
    }

    private static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15); // a day that starts with a DST jump starts at its first real time
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
