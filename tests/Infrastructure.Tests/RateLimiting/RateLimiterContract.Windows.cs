using Platform.Application.Abstractions.RateLimiting;

namespace Platform.Infrastructure.Tests.RateLimiting;

/// <summary>Where windows start and end: checked against <see cref="ExpectedWindows"/>.</summary>
public abstract partial class RateLimiterContract
{
    [Fact]
    public async Task When_several_rules_deny_the_longest_wait_is_reported()
    {
        var key = TestRedis.NewKey();
        var hour = new RateLimitRule("per_hour", RateWindow.Hour, 1);
        var day = new RateLimitRule("per_day", RateWindow.Day, 1);
        Assert.True((await Acquire(key, 1, hour, day)).Allowed);

        var before = Now;
        var denied = await Acquire(key, 1, hour, day);

        Assert.Equal("per_day", denied.DeniedLimitId);
        var dayEnd = ExpectedWindows.Day(before, Calendar.TimeZone).End;
        Assert.InRange(denied.RetryAfter, dayEnd - before - Slack, dayEnd - before + Slack);
    }

    [Fact]
    public async Task Hour_windows_follow_a_half_hour_offset_zone()
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var request = new RateLimitRequest(TestRedis.NewKey(), [PerHour], 1, new WindowCalendar(kolkata, 1));

        var before = Now;
        var state = (await Limiter.AcquireAsync(request, CancellationToken.None)).States[0];

        var (start, end) = ExpectedWindows.Hour(before, kolkata);
        Assert.Equal(30, start.UtcDateTime.Minute);
        // Unless the call straddled the half hour, the window is the one computed before it.
        if (Now < end)
        {
            Assert.Equal(start, state.WindowStart);
            Assert.InRange(state.ResetAfter, end - before - Slack, end - before + Slack);
        }
    }

    [Theory]
    [InlineData("America/New_York", 31)]
    [InlineData("Asia/Kolkata", 15)]
    [InlineData("UTC", 1)]
    public async Task Month_windows_start_on_the_anchor_day_at_local_midnight(string zoneId, int anchorDay)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var month = new RateLimitRule("per_month", RateWindow.Month, 1000);
        var request = new RateLimitRequest(TestRedis.NewKey(), [month], 1, new WindowCalendar(zone, anchorDay));

        var before = Now;
        var state = (await Limiter.AcquireAsync(request, CancellationToken.None)).States[0];

        var (start, end) = ExpectedWindows.Month(before, zone, anchorDay);
        Assert.Equal(start, state.WindowStart);
        Assert.InRange(state.ResetAfter, end - before - Slack, end - before + Slack);
    }
}
