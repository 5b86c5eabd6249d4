using Platform.Application.Abstractions.RateLimiting;

namespace Platform.Infrastructure.Tests.RateLimiting;

/// <summary>
/// The semantics every limiter must share, run against the in-process limiter (manual clock) and the
/// Redis one (Redis's real clock). Assertions leave room for the few milliseconds a real clock moves
/// between calls.
/// </summary>
public abstract partial class RateLimiterContract
{
    protected static readonly RateLimitRule PerHour = new("per_hour", RateWindow.Hour, 3);

    protected abstract IRateLimiter Limiter { get; }

    /// <summary>Now on the limiter's clock (for Redis, the host's clock; both run on this machine).</summary>
    protected abstract DateTimeOffset Now { get; }

    /// <summary>How far a real clock may move between two calls of one test.</summary>
    protected abstract TimeSpan Slack { get; }

    /// <summary>A calendar whose hour and day windows do not end during the test.</summary>
    protected abstract WindowCalendar Calendar { get; }

    protected abstract Task ElapseAsync(TimeSpan span);

    protected async Task<RateLimitDecision> Acquire(string key, int cost, params RateLimitRule[] rules) =>
        await Limiter.AcquireAsync(new RateLimitRequest(key, rules, cost, Calendar), CancellationToken.None);

    [Fact]
    public async Task Gcra_allows_the_burst_at_once_then_the_rate()
    {
        var key = TestRedis.NewKey();
        var rule = new RateLimitRule("per_second", RateWindow.Second, Limit: 2, Burst: 5);

        for (var expectedRemaining = 4; expectedRemaining >= 0; expectedRemaining--)
        {
            var ok = await Acquire(key, 1, rule);
            Assert.True(ok.Allowed);
            Assert.Equal(expectedRemaining, ok.States[0].Remaining);
        }

        var denied = await Acquire(key, 1, rule);
        Assert.False(denied.Allowed);
        Assert.Equal("per_second", denied.DeniedLimitId);
        Assert.InRange(denied.RetryAfter, TimeSpan.FromMilliseconds(500) - Slack, TimeSpan.FromMilliseconds(500));
        Assert.InRange(denied.States[0].ResetAfter, TimeSpan.FromMilliseconds(2500) - Slack, TimeSpan.FromMilliseconds(2500));

        await ElapseAsync(denied.RetryAfter + TimeSpan.FromMilliseconds(10));
        Assert.True((await Acquire(key, 1, rule)).Allowed);
        Assert.False((await Acquire(key, 1, rule)).Allowed);
    }

    [Fact]
    public async Task Fixed_window_denies_past_the_limit_until_the_window_ends()
    {
        var key = TestRedis.NewKey();
        var (start, end) = ExpectedWindows.Hour(Now, Calendar.TimeZone);

        for (var expectedRemaining = 2; expectedRemaining >= 0; expectedRemaining--)
        {
            var ok = await Acquire(key, 1, PerHour);
            Assert.True(ok.Allowed);
            Assert.Equal(expectedRemaining, ok.States[0].Remaining);
            Assert.Equal(start, ok.States[0].WindowStart);
        }

        var before = Now;
        var denied = await Acquire(key, 1, PerHour);
        Assert.False(denied.Allowed);
        Assert.Equal("per_hour", denied.DeniedLimitId);
        Assert.Equal(0, denied.States[0].Remaining);
        Assert.Equal(denied.States[0].ResetAfter, denied.RetryAfter);
        Assert.InRange(denied.RetryAfter, end - before - Slack, end - before + Slack);
    }

    [Fact]
    public async Task A_call_denied_by_the_day_rule_consumes_nothing_from_the_hour_rule()
    {
        var key = TestRedis.NewKey();
        var hour = new RateLimitRule("per_hour", RateWindow.Hour, 100);
        var day = new RateLimitRule("per_day", RateWindow.Day, 2);

        Assert.True((await Acquire(key, 1, hour, day)).Allowed);
        Assert.True((await Acquire(key, 1, hour, day)).Allowed);
        var denied = await Acquire(key, 1, hour, day);

        Assert.False(denied.Allowed);
        Assert.Equal("per_day", denied.DeniedLimitId);
        Assert.Equal(98, denied.States[0].Remaining);
        Assert.Equal(0, denied.States[1].Remaining);
        Assert.Equal(97, (await Acquire(key, 1, hour)).States[0].Remaining);
    }

    [Fact]
    public async Task A_call_denied_by_the_burst_consumes_nothing_from_the_windows()
    {
        var key = TestRedis.NewKey();
        var second = new RateLimitRule("per_second", RateWindow.Second, Limit: 1, Burst: 1);
        var hour = new RateLimitRule("per_hour", RateWindow.Hour, 10);

        Assert.True((await Acquire(key, 1, hour, second)).Allowed);
        var denied = await Acquire(key, 1, hour, second);

        Assert.Equal("per_second", denied.DeniedLimitId);
        Assert.Equal(9, denied.States[0].Remaining);
    }

    [Fact]
    public async Task Cost_is_charged_as_a_whole()
    {
        var key = TestRedis.NewKey();
        var hour = new RateLimitRule("per_hour", RateWindow.Hour, 10);

        Assert.Equal(7, (await Acquire(key, 3, hour)).States[0].Remaining);
        var tooMuch = await Acquire(key, 8, hour);
        Assert.False(tooMuch.Allowed);
        Assert.Equal(7, tooMuch.States[0].Remaining);
        var exact = await Acquire(key, 7, hour);
        Assert.True(exact.Allowed);
        Assert.Equal(0, exact.States[0].Remaining);

        var burst = new RateLimitRule("burst", RateWindow.Second, Limit: 1, Burst: 10);
        Assert.Equal(6, (await Acquire(key, 4, burst)).States[0].Remaining);
        Assert.False((await Acquire(key, 7, burst)).Allowed);
    }

    [Fact]
    public async Task A_changed_limit_applies_to_what_the_window_already_counted()
    {
        var key = TestRedis.NewKey();
        Assert.True((await Acquire(key, 6, PerHour with { Limit = 10 })).Allowed);

        var lowered = await Acquire(key, 1, PerHour with { Limit = 5 });
        Assert.False(lowered.Allowed);
        Assert.Equal(0, lowered.States[0].Remaining);

        var raised = await Acquire(key, 1, PerHour with { Limit = 8 });
        Assert.True(raised.Allowed);
        Assert.Equal(1, raised.States[0].Remaining);
    }

    [Fact]
    public async Task Crossing_80_percent_is_reported_by_the_call_that_crosses_only()
    {
        var key = TestRedis.NewKey();
        var hour = new RateLimitRule("per_hour", RateWindow.Hour, 10);

        var crossed = new List<bool>();
        for (var i = 0; i < 10; i++)
        {
            crossed.Add((await Acquire(key, 1, hour)).States[0].Crossed80Percent);
        }

        Assert.Equal(7, crossed.IndexOf(true));
        Assert.Single(crossed, c => c);

        var jump = TestRedis.NewKey();
        Assert.False((await Acquire(jump, 7, hour)).States[0].Crossed80Percent);
        Assert.True((await Acquire(jump, 2, hour)).States[0].Crossed80Percent);
    }

    [Fact]
    public async Task Keys_have_separate_budgets()
    {
        var a = TestRedis.NewKey();
        var b = TestRedis.NewKey();
        await Acquire(a, 3, PerHour);

        Assert.False((await Acquire(a, 1, PerHour)).Allowed);
        Assert.True((await Acquire(b, 1, PerHour)).Allowed);
    }

    [Fact]
    public async Task A_zero_limit_denies_and_no_rules_allow()
    {
        var key = TestRedis.NewKey();
        Assert.False((await Acquire(key, 1, PerHour with { Limit = 0 })).Allowed);
        Assert.Same(RateLimitDecision.Unlimited, await Acquire(key, 1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Acquire(key, -1, PerHour));
    }

    [Fact]
    public async Task A_zero_cost_peeks_without_charging()
    {
        var key = TestRedis.NewKey();
        var second = new RateLimitRule("per_second", RateWindow.Second, Limit: 1, Burst: 2);
        await Acquire(key, 2, PerHour, second);

        var peek = await Acquire(key, 0, PerHour, second);

        Assert.Equal(1, peek.States[0].Remaining);
        Assert.Equal(0, peek.States[1].Remaining);
        Assert.False(peek.States[0].Crossed80Percent);
        Assert.Equal(1, (await Acquire(key, 0, PerHour, second)).States[0].Remaining);
    }
}
