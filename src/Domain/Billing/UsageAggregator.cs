namespace Platform.Domain.Billing;

/// <summary>One stored usage event as an aggregation sees it.</summary>
/// <param name="UniqueValue">The value of the metric's unique-count property, when it has one.</param>
public sealed record UsagePoint(decimal Quantity, DateTimeOffset EventTime, string IdempotencyKey, string? UniqueValue);

/// <summary>
/// Folds a metric's events into the period's quantity. Done in C# over exact decimals so both databases
/// give the same answer (SQLite has no exact decimal arithmetic); ties for <see cref="UsageAggregation.Latest"/>
/// are broken by idempotency key so the result never depends on read order.
/// </summary>
public static class UsageAggregator
{
    public static decimal Aggregate(UsageAggregation aggregation, IEnumerable<UsagePoint> points)
    {
        var list = points as IReadOnlyCollection<UsagePoint> ?? points.ToList();
        if (list.Count == 0)
        {
            return 0m;
        }

        return aggregation switch
        {
            UsageAggregation.Sum => list.Sum(p => p.Quantity),
            UsageAggregation.Max => list.Max(p => p.Quantity),
            UsageAggregation.UniqueCount => list.Where(p => p.UniqueValue is not null).Select(p => p.UniqueValue).Distinct(StringComparer.Ordinal).Count(),
            UsageAggregation.Latest => list.OrderBy(p => p.EventTime).ThenBy(p => p.IdempotencyKey, StringComparer.Ordinal).Last().Quantity,
            _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation."),
        };
    }
}
