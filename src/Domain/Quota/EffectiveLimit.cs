namespace Platform.Domain.Quota;

/// <summary>A limit as it applies to one tenant, and whether it comes from the plan or an override.</summary>
public sealed record EffectiveLimit(Limit Limit, bool Overridden)
{
    /// <summary>
    /// The plan's limits with the tenant's overrides applied (an override replaces the plan limit
    /// with the same id, or adds one the plan lacks), ordered by limit id for stable output.
    /// </summary>
    public static IReadOnlyList<EffectiveLimit> Resolve(IReadOnlyList<Limit> plan, IReadOnlyCollection<QuotaOverride> overrides)
    {
        var byId = new SortedDictionary<string, EffectiveLimit>(StringComparer.Ordinal);
        foreach (var limit in plan)
        {
            byId[limit.LimitId] = new EffectiveLimit(limit, Overridden: false);
        }

        foreach (var o in overrides)
        {
            byId[o.LimitId] = new EffectiveLimit(o.Limit, Overridden: true);
        }

        return [.. byId.Values];
    }
}
