using Platform.Application.Abstractions.RateLimiting;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// The in-process state of one request key: the current window of each fixed rule and the GCRA
/// TAT of each per-second rule. The algorithm is <c>RateLimit.lua</c> line for line (check every
/// rule, then charge all or none); callers hold <see cref="Gate"/>.
/// </summary>
internal sealed class KeyBudget
{
    private const double Epsilon = 1e-6;

    // One slot per (limit, window kind): a new window overwrites the old one, so a key never holds
    // more than its rule count; the limiter's sweep drops whole keys whose slots have all expired.
    private readonly Dictionary<(string LimitId, RateWindow Window), Slot> _slots = [];

    public Lock Gate { get; } = new();

    /// <summary>Set (under <see cref="Gate"/>) when the sweep removed this budget from the limiter.</summary>
    public bool Evicted { get; set; }

    public long[] Decide(IReadOnlyList<RateLimitRule> rules, int cost, WindowClock clock)
    {
        var n = rules.Count;
        Span<Measure> measures = n <= 8 ? stackalloc Measure[n] : new Measure[n];
        var denied = 0;
        long retry = 0;
        for (var i = 0; i < n; i++)
        {
            ref var m = ref measures[i];
            m = Measured(rules[i], clock);
            m.After = m.Used + (cost * m.Unit);
            if (m.After > m.Capacity + Epsilon)
            {
                var wait = m.IsFixed ? m.EndMs - clock.NowMs : (long)Math.Ceiling(m.After - m.Capacity);
                if (denied == 0 || wait > retry)
                {
                    (denied, retry) = (i + 1, wait);
                }
            }
        }

        var reply = new long[RateLimitReply.HeaderLength + (RateLimitReply.PerRule * n)];
        (reply[0], reply[1], reply[2], reply[3]) = (denied == 0 ? 1 : 0, denied, retry, clock.NowMs);
        for (var i = 0; i < n; i++)
        {
            ref var m = ref measures[i];
            var used = m.Used;
            var crossed = false;
            if (denied == 0 && cost > 0)
            {
                Charge(rules[i], m, cost, clock.NowMs);
                used = m.After;
                crossed = m.Used * 5 < m.Capacity * 4 && m.After * 5 >= m.Capacity * 4;
            }

            var o = RateLimitReply.HeaderLength + (RateLimitReply.PerRule * i);
            reply[o] = Math.Max(0, (long)Math.Floor(((m.Capacity - used) / m.Unit) + Epsilon));
            reply[o + 1] = m.IsFixed ? m.EndMs - clock.NowMs : (long)Math.Ceiling(used - Epsilon);
            reply[o + 2] = m.StartMs;
            reply[o + 3] = crossed ? 1 : 0;
        }

        return reply;
    }

    /// <summary>Drops expired windows and drained GCRA state; true when nothing is left.</summary>
    public bool RemoveExpired(long nowMs)
    {
        foreach (var (key, slot) in _slots)
        {
            if (slot.IsFixed ? slot.EndMs <= nowMs : slot.Tat <= nowMs)
            {
                _slots.Remove(key);
            }
        }

        return _slots.Count == 0;
    }

    private Measure Measured(RateLimitRule rule, WindowClock clock)
    {
        _slots.TryGetValue((rule.LimitId, rule.Window), out var slot);
        if (rule.Window == RateWindow.Second)
        {
            var interval = 1000.0 / rule.Limit;
            var tat = slot?.Tat ?? clock.NowMs;
            return new Measure { Unit = interval, Capacity = rule.EffectiveBurst * interval, Used = Math.Max(tat - clock.NowMs, 0), StartMs = clock.NowMs };
        }

        var (start, end) = CalendarWindows.FixedWindow(rule.Window, clock.NowMs / 1000, clock.OffsetSeconds, clock.Month);
        var count = slot is not null && slot.StartMs == start * 1000 ? slot.Count : 0;
        return new Measure { Unit = 1, Capacity = rule.Limit, Used = count, StartMs = start * 1000, EndMs = end * 1000, IsFixed = true };
    }

    private void Charge(RateLimitRule rule, in Measure m, int cost, long nowMs)
    {
        var key = (rule.LimitId, rule.Window);
        if (!_slots.TryGetValue(key, out var slot))
        {
            slot = new Slot { IsFixed = m.IsFixed };
            _slots[key] = slot;
        }

        if (!m.IsFixed)
        {
            slot.Tat = nowMs + m.After;
            return;
        }

        if (slot.StartMs != m.StartMs)
        {
            (slot.StartMs, slot.EndMs, slot.Count) = (m.StartMs, m.EndMs, 0);
        }

        slot.Count += cost;
    }

    private struct Measure
    {
        public double Unit;
        public double Capacity;
        public double Used;
        public double After;
        public long StartMs;
        public long EndMs;
        public bool IsFixed;
    }

    private sealed class Slot
    {
        public bool IsFixed;
        public long StartMs;
        public long EndMs;
        public long Count;
        public double Tat;
    }
}
