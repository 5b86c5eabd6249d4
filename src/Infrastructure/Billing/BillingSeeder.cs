using Platform.Application.Abstractions.Billing;
using Platform.Application.Billing;
using Platform.Domain.Billing;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// Seeds the built-in billable metrics (always present) and version 1 of the seeded plans' prices
/// (<see cref="SeedPrices"/>) on an empty price catalog only, so operators' versions are never
/// joined by a re-seeded one after a restart.
/// </summary>
public sealed class BillingSeeder(IBillingCatalog catalog, TimeProvider clock)
{
    public static readonly IReadOnlyList<(string Id, string Name, UsageAggregation Aggregation)> BuiltIns =
    [
        (BillableMetrics.ApiCalls, "API calls", UsageAggregation.Sum),
        (BillableMetrics.StorageGbMonths, "Storage (GB-months, integrated over time)", UsageAggregation.Sum),
        ("entities", "Entities (peak)", UsageAggregation.Max),
        ("seats", "Seats (peak)", UsageAggregation.Max),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, name, aggregation) in BuiltIns)
        {
            await catalog.AddMetricAsync(new BillableMetricDefinition(id, name, aggregation, null, true, now), ct);
        }

        if (await catalog.AnyPriceAsync(ct))
        {
            return;
        }

        foreach (var price in SeedPrices.All)
        {
            // A concurrent host seeding the same version loses the insert harmlessly.
            await catalog.AddPriceAsync(new StoredPrice(price, 0, now), ct);
        }
    }
}
