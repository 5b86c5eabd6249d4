namespace Platform.Domain.Billing;

/// <summary>
/// Usage lines of the period being closed, one per metric the plan at its end prices.
/// </summary>
/// <remarks>
/// The usage of the whole period is priced by the plan in force at its end (after immediate changes,
/// before one scheduled for that moment). Included quantities, though, are weighted by the time each
/// plan was held, so upgrading on the last day does not buy a whole month of the bigger plan's
/// allowance, and a subscription that started mid-period gets only its share.
/// </remarks>
internal static class UsageLines
{
    public static IEnumerable<InvoiceLine> For(PlanTimeline timeline, BillingPeriod period, IReadOnlyList<MetricUsage> usage)
    {
        var used = usage.ToDictionary(u => u.Metric, u => u.Quantity, StringComparer.Ordinal);
        foreach (var price in timeline.AtEnd.Metrics)
        {
            var quantity = used.GetValueOrDefault(price.Metric);
            var included = Included(timeline, period, price.Metric);
            var billed = Math.Max(0m, quantity - included);
            var charge = price.Model.Price(billed);
            var currency = timeline.AtEnd.Currency;
            var description = $"{price.Metric}: {BillingText.Number(quantity)} used, {BillingText.Number(included)} included, " +
                $"{BillingText.Number(billed)} billed, {BillingText.Days(period.Start, period.End)}";
            yield return new InvoiceLine(LineKind.Usage, description, new Money(charge.Amount, currency).Rounded())
            {
                PlanId = timeline.AtEnd.PlanId,
                Metric = price.Metric,
                From = period.Start,
                To = period.End,
                Quantity = quantity,
                Included = included,
                Charge = charge,
            };
        }
    }

    private static decimal Included(PlanTimeline timeline, BillingPeriod period, string metric)
    {
        // Summing allowance × seconds and dividing once keeps whole results whole: a plan held all
        // period includes exactly its allowance, and 1/3 + 2/3 of a month of plans adds up without drift.
        var unitSeconds = 0m;
        foreach (var segment in timeline.Segments)
        {
            if (segment.Plan.PriceOf(metric) is { Included: > 0m } price)
            {
                unitSeconds += price.Included * Math.Max(0L, period.SecondsInto(segment.To) - period.SecondsInto(segment.From));
            }
        }

        return unitSeconds / period.Seconds;
    }
}
