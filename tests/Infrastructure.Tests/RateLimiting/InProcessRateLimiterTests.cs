using Platform.Application.Abstractions.RateLimiting;
using Platform.Infrastructure.RateLimiting;

namespace Platform.Infrastructure.Tests.RateLimiting;

/// <summary>Exact boundaries, driven by a manual clock (Redis's clock cannot be moved).</summary>
public sealed class InProcessRateLimiterTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 10, 59, 59, TimeSpan.Zero));
    private readonly InProcessRateLimiter _limiter;

    public InProcessRateLimiterTests() => _limiter = new InProcessRateLimiter(_clock);

    private async Task<RateLimitDecision> Acquire(string key, WindowCalendar calendar, params RateLimitRule[] rules) =>
        await _limiter.AcquireAsync(new RateLimitRequest(key, rules, 1, calendar), CancellationToken.None);

    [Fact]
    public async Task An_hour_window_resets_exactly_at_its_end()
    {
        var hour = new RateLimitRule("per_hour", RateWindow.Hour, 2);
        await Acquire("k", WindowCalendar.Utc, hour);
        await Acquire("k", WindowCalendar.Utc, hour);

        Assert.Equal(TimeSpan.FromSeconds(1), (await Acquire("k", WindowCalendar.Utc, hour)).RetryAfter);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(TimeSpan.FromMilliseconds(1), (await Acquire("k", WindowCalendar.Utc, hour)).RetryAfter);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        var fresh = await Acquire("k", WindowCalendar.Utc, hour);
        Assert.True(fresh.Allowed);
        Assert.Equal(1, fresh.States[0].Remaining);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 11, 0, 0, TimeSpan.Zero), fresh.States[0].WindowStart);
        Assert.Equal(TimeSpan.FromHours(1), fresh.States[0].ResetAfter);
    }

    [Fact]
    public async Task A_day_window_starts_at_the_tenants_midnight()
    {
        var newYork = new WindowCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), 1);
        var day = new RateLimitRule("per_day", RateWindow.Day, 1);

        // 10:59:59Z on 10 March 2026 is 06:59:59 EDT (DST began on the 8th).
        var state = (await Acquire("k", newYork, day)).States[0];

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 4, 0, 0, TimeSpan.Zero), state.WindowStart);
    }

    [Theory]
    [InlineData(2026, 28)]
    [InlineData(2028, 29)]
    public async Task Billing_anchor_31_clamps_to_the_last_day_of_February(int year, int lastDay)
    {
        var calendar = new WindowCalendar(TimeZoneInfo.Utc, 31);
        var month = new RateLimitRule("per_month", RateWindow.Month, 5);
        _clock.Set(new DateTimeOffset(year, 2, lastDay - 1, 23, 59, 59, TimeSpan.Zero));

        var january = (await Acquire("k", calendar, month)).States[0];
        Assert.Equal(new DateTimeOffset(year, 1, 31, 0, 0, 0, TimeSpan.Zero), january.WindowStart);
        Assert.Equal(TimeSpan.FromSeconds(1), january.ResetAfter);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var february = (await Acquire("k", calendar, month)).States[0];
        Assert.Equal(new DateTimeOffset(year, 2, lastDay, 0, 0, 0, TimeSpan.Zero), february.WindowStart);
        Assert.Equal(4, february.Remaining);
        Assert.Equal(new DateTimeOffset(year, 3, 31, 0, 0, 0, TimeSpan.Zero) - _clock.GetUtcNow(), february.ResetAfter);
    }

    [Fact]
    public async Task Gcra_with_a_fractional_interval_admits_exactly_the_rate()
    {
        var rule = new RateLimitRule("per_second", RateWindow.Second, Limit: 3, Burst: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await Acquire("k", WindowCalendar.Utc, rule)).Allowed);
        }

        var denied = await Acquire("k", WindowCalendar.Utc, rule);
        Assert.Equal(TimeSpan.FromMilliseconds(334), denied.RetryAfter);

        var admitted = 0;
        for (var ms = 0; ms < 10_000; ms += 10)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(10));
            admitted += (await Acquire("k", WindowCalendar.Utc, rule)).Allowed ? 1 : 0;
        }

        Assert.Equal(30, admitted);
    }

    [Fact]
    public async Task Gcra_reports_crossing_80_percent_of_the_burst_once()
    {
        var rule = new RateLimitRule("per_second", RateWindow.Second, Limit: 1, Burst: 10);
        var crossed = new List<bool>();
        for (var i = 0; i < 10; i++)
        {
            crossed.Add((await Acquire("k", WindowCalendar.Utc, rule)).States[0].Crossed80Percent);
        }

        Assert.Equal(7, crossed.IndexOf(true));
        Assert.Single(crossed, c => c);
    }

    [Fact]
    public async Task Keys_whose_windows_expired_are_evicted()
    {
        var rules = new[] { new RateLimitRule("per_second", RateWindow.Second, 10), new RateLimitRule("per_hour", RateWindow.Hour, 10) };
        for (var i = 0; i < 100; i++)
        {
            await Acquire($"old-{i}", WindowCalendar.Utc, rules);
        }

        await Acquire("daily", WindowCalendar.Utc, new RateLimitRule("per_day", RateWindow.Day, 10));
        Assert.Equal(101, _limiter.TrackedKeys);

        _clock.Advance(TimeSpan.FromHours(2));
        await Acquire("new", WindowCalendar.Utc, rules);

        Assert.Equal(2, _limiter.TrackedKeys);
        Assert.Equal(8, (await Acquire("daily", WindowCalendar.Utc, new RateLimitRule("per_day", RateWindow.Day, 10))).States[0].Remaining);
    }

    [Fact]
    public async Task Parallel_calls_on_one_key_admit_exactly_the_limit()
    {
        var hour = new RateLimitRule("per_hour", RateWindow.Hour, 1000);
        var day = new RateLimitRule("per_day", RateWindow.Day, 700);
        var admitted = 0;

        await Parallel.ForAsync(0, 4000, async (_, ct) =>
        {
            var decision = await _limiter.AcquireAsync(new RateLimitRequest("hot", [hour, day], 1, WindowCalendar.Utc), ct);
            if (decision.Allowed)
            {
                Interlocked.Increment(ref admitted);
            }
        });

        Assert.Equal(700, admitted);
        // The 3,300 denied calls charged nothing to the hour window either.
        Assert.Equal(299, (await Acquire("hot", WindowCalendar.Utc, hour)).States[0].Remaining);
    }
}
