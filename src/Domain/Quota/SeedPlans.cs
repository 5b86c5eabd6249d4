namespace Platform.Domain.Quota;

/// <summary>
/// The plans an empty database starts with (README, "Plans and limits"). Operators change or
/// replace them through PlanService; seeding never overwrites an existing catalog.
/// </summary>
public static class SeedPlans
{
    private const long Mb = 1024L * 1024;

    public static IReadOnlyList<(string Id, string DisplayName, string Description, IReadOnlyList<Limit> Limits)> All { get; } =
    [
        ("free", "Free", "For trying the platform.", Limits(perSecond: 20, burst: 200, perHour: 500, perDay: 5_000, perMonth: 50_000,
            apiKeys: 5, members: 3, entityTypes: 5, entities: 10_000, storage: 100 * Mb, webhooks: 1, providers: 1, mcp: 1, historyDays: 7)),
        ("basic", "Basic", "Small teams.", Limits(perSecond: 20, burst: 100, perHour: 1_000, perDay: 20_000, perMonth: 500_000,
            apiKeys: 10, members: 10, entityTypes: 20, entities: 100_000, storage: 1024 * Mb, webhooks: 5, providers: 5, mcp: 2, historyDays: 30)),
        ("pro", "Pro", "Growing businesses.", Limits(perSecond: 100, burst: 500, perHour: 10_000, perDay: 200_000, perMonth: 5_000_000,
            apiKeys: 50, members: 50, entityTypes: 100, entities: 1_000_000, storage: 10 * 1024 * Mb, webhooks: 20, providers: 50, mcp: 10, historyDays: 90)),
        ("enterprise", "Enterprise", "Large organisations; limits are usually adjusted per tenant with overrides.",
            Limits(perSecond: 500, burst: 2_000, perHour: 100_000, perDay: 2_000_000, perMonth: 50_000_000,
            apiKeys: 500, members: null, entityTypes: 500, entities: null, storage: 100 * 1024 * Mb, webhooks: 100, providers: null, mcp: null, historyDays: 365)),
    ];

    // null means unlimited, stated explicitly in the stored limit.
    private static Limit[] Limits(long perSecond, long burst, long perHour, long perDay, long perMonth, long apiKeys, long? members,
        long entityTypes, long? entities, long storage, long webhooks, long? providers, long? mcp, long historyDays) =>
    [
        Limit.Rate(LimitWindow.Second, perSecond, burst),
        Limit.Rate(LimitWindow.Hour, perHour),
        Limit.Rate(LimitWindow.Day, perDay),
        Limit.Rate(LimitWindow.Month, perMonth),
        Limit.Of(Metrics.ApiKeys, apiKeys),
        Allocation(Metrics.Members, members),
        Limit.Of(Metrics.EntityTypes, entityTypes),
        Allocation(Metrics.Entities, entities),
        Limit.Of(Metrics.StorageBytes, storage),
        Limit.Of(Metrics.Webhooks, webhooks),
        Allocation("providers", providers),
        Allocation("mcp_services", mcp),
        Limit.Of(Metrics.HistoryDays, historyDays),
    ];

    private static Limit Allocation(string metric, long? value) => value is { } v ? Limit.Of(metric, v) : Limit.NoLimit(metric);
}
