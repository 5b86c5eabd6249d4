using Platform.Application.Abstractions.RateLimiting;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// One host's share of each limit while the hosts cannot count together: the limit divided by the
/// number of hosts, rounded up and at least 1 (a limit of 0 stays 0: it blocks on every host).
/// </summary>
internal static class HostShare
{
    public static IReadOnlyList<RateLimitRule> Of(IReadOnlyList<RateLimitRule> rules, int hosts)
    {
        if (hosts <= 1)
        {
            return rules;
        }

        var shares = new RateLimitRule[rules.Count];
        for (var i = 0; i < shares.Length; i++)
        {
            var rule = rules[i];
            shares[i] = rule.Window == RateWindow.Second
                ? rule with { Limit = Part(rule.Limit, hosts), Burst = Part(rule.EffectiveBurst, hosts) }
                : rule with { Limit = Part(rule.Limit, hosts) };
        }

        return shares;
    }

    private static long Part(long value, int hosts) => value == 0 ? 0 : Math.Max(1, (value + hosts - 1) / hosts);
}
