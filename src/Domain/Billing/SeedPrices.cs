using Platform.Domain.Quota;

namespace Platform.Domain.Billing;

/// <summary>
/// Price version 1 of each seeded plan (<see cref="SeedPlans"/>): Free, Basic 29, Pro 99 and
/// Enterprise 299 USD a month, with pay-as-you-go at 0.001 USD per API call and 0.1 USD per GB-month.
/// </summary>
/// <remarks>
/// Each plan includes what its quota allows, read from the seeded limits so that prices and limits
/// cannot drift apart: its monthly <c>api_calls</c> limit and its <c>storage_bytes</c> limit held for
/// a month. The base fee buys the plan's allowance; pay-as-you-go prices what an operator's override
/// lets a tenant use beyond it, and a Free tenant within its limits pays nothing.
/// </remarks>
public static class SeedPrices
{
    public const decimal PricePerCall = 0.001m;
    public const decimal PricePerGbMonth = 0.1m;

    private static readonly (string PlanId, decimal MonthlyFee)[] Fees =
    [
        ("free", 0m),
        ("basic", 29m),
        ("pro", 99m),
        ("enterprise", 299m),
    ];

    public static IReadOnlyList<PlanPrice> All { get; } = [.. Fees.Select(f => Build(f.PlanId, f.MonthlyFee))];

    public static PlanPrice For(string planId) =>
        All.FirstOrDefault(p => p.PlanId == planId) ?? throw new ArgumentException($"No seeded price for plan '{planId}'.", nameof(planId));

    private static PlanPrice Build(string planId, decimal monthlyFee)
    {
        var limits = SeedPlans.All.Single(p => p.Id == planId).Limits;
        var calls = limits.Single(l => l.Metric == Metrics.ApiCalls && l.Window == LimitWindow.Month);
        var storage = limits.Single(l => l.Metric == Metrics.StorageBytes);
        return PlanPrice.Create(planId, 1, BillingInterval.Month, new Money(monthlyFee, Currency.Usd),
        [
            new MetricPrice(BillableMetrics.ApiCalls, new PerUnitCharge(PricePerCall), calls.Unlimited ? PriceRules.MaxQuantity : calls.Value),
            new MetricPrice(BillableMetrics.StorageGbMonths, new PerUnitCharge(PricePerGbMonth),
                storage.Unlimited ? PriceRules.MaxQuantity : (decimal)storage.Value / BillableMetrics.BytesPerGb),
        ]).Value;
    }
}
