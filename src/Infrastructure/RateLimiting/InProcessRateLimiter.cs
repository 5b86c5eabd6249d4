using System.Collections.Concurrent;
using Platform.Application.Abstractions.RateLimiting;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// The Redis limiter's semantics in memory, for embedded mode (one host, no Redis) and as the
/// fail-open fallback. Thread-safe: each request key has its own lock, so calls for different keys
/// never contend and the rules of one call are still decided all-or-nothing.
/// </summary>
public sealed class InProcessRateLimiter(TimeProvider clock) : IRateLimiter
{
    // Keys whose windows have all expired are dropped at most this often, by whichever call is due,
    // so memory follows the keys active in the current windows rather than every key ever seen.
    private const long SweepIntervalMs = 60_000;

    private readonly ConcurrentDictionary<string, KeyBudget> _budgets = new(StringComparer.Ordinal);
    private readonly MonthWindowCache _months = new();
    private long _nextSweepMs;

    internal int TrackedKeys => _budgets.Count;

    public ValueTask<RateLimitDecision> AcquireAsync(RateLimitRequest request, CancellationToken ct)
    {
        RateLimitRequestGuard.Validate(request);
        if (request.Rules.Count == 0)
        {
            return ValueTask.FromResult(RateLimitDecision.Unlimited);
        }

        var now = clock.GetUtcNow();
        var month = HasMonthRule(request.Rules) ? _months.Get(request.Calendar, now) : null;
        var windowClock = new WindowClock(now.ToUnixTimeMilliseconds(), CalendarWindows.OffsetSeconds(request.Calendar, now), month);
        SweepIfDue(windowClock.NowMs);
        while (true)
        {
            var budget = _budgets.GetOrAdd(request.Key, static _ => new KeyBudget());
            lock (budget.Gate)
            {
                // The sweep may have removed this budget between the lookup and the lock: take the new one.
                if (!budget.Evicted)
                {
                    return ValueTask.FromResult(RateLimitReply.ToDecision(request, budget.Decide(request.Rules, request.Cost, windowClock)));
                }
            }
        }
    }

    private void SweepIfDue(long nowMs)
    {
        var due = Volatile.Read(ref _nextSweepMs);
        if (nowMs < due || Interlocked.CompareExchange(ref _nextSweepMs, nowMs + SweepIntervalMs, due) != due)
        {
            return;
        }

        foreach (var (key, budget) in _budgets)
        {
            lock (budget.Gate)
            {
                if (budget.RemoveExpired(nowMs))
                {
                    budget.Evicted = true;
                    _budgets.TryRemove(new KeyValuePair<string, KeyBudget>(key, budget));
                }
            }
        }
    }

    private static bool HasMonthRule(IReadOnlyList<RateLimitRule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.Window == RateWindow.Month)
            {
                return true;
            }
        }

        return false;
    }
}
