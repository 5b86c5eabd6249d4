using Platform.Application.Abstractions.RateLimiting;
using Platform.Infrastructure.RateLimiting;
using StackExchange.Redis;

namespace Platform.Infrastructure.Tests.RateLimiting;

public sealed class RedisRateLimiterTests
{
    private static readonly WindowCalendar Calendar = StableCalendar.At(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Four_hosts_hammering_one_key_admit_exactly_the_limit()
    {
        var key = TestRedis.NewKey();
        var rules = new[] { new RateLimitRule("per_day", RateWindow.Day, 300), new RateLimitRule("per_hour", RateWindow.Hour, 100_000) };
        var connections = Enumerable.Range(0, 4).Select(_ => TestRedis.Connect()).ToArray();
        try
        {
            var limiters = connections.Select(c => new RedisRateLimiter(c, TimeProvider.System)).ToArray();
            var admitted = 0;

            // 4 hosts x 32 concurrent callers x 5 calls = 640 attempts on a limit of 300.
            await Parallel.ForAsync(0, 4 * 32, new ParallelOptions { MaxDegreeOfParallelism = 4 * 32 }, async (worker, ct) =>
            {
                for (var i = 0; i < 5; i++)
                {
                    var decision = await limiters[worker % 4].AcquireAsync(new RateLimitRequest(key, rules, 1, Calendar), ct);
                    if (decision.Allowed)
                    {
                        Interlocked.Increment(ref admitted);
                    }
                }
            });

            Assert.Equal(300, admitted);
            var last = await limiters[0].AcquireAsync(new RateLimitRequest(key, rules, 1, Calendar), CancellationToken.None);
            Assert.Equal("per_day", last.DeniedLimitId);
            Assert.Equal(100_000 - 300, last.States[1].Remaining);
        }
        finally
        {
            foreach (var c in connections)
            {
                await c.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Keys_are_hash_tagged_by_the_request_key_and_expire_with_their_window()
    {
        var key = TestRedis.NewKey();
        var limiter = new RedisRateLimiter(TestRedis.Connection, TimeProvider.System);
        var rules = new[] { new RateLimitRule("per_second", RateWindow.Second, 1, 20), new RateLimitRule("per_hour", RateWindow.Hour, 50) };

        var now = DateTimeOffset.UtcNow;
        await limiter.AcquireAsync(new RateLimitRequest(key, rules, 1, Calendar), CancellationToken.None);

        var db = TestRedis.Connection.GetDatabase();
        var (start, end) = ExpectedWindows.Hour(now, Calendar.TimeZone);
        var hourKey = $"rl:{{{key}}}:per_hour:h:{start.ToUnixTimeSeconds()}";
        Assert.Equal(1, (long)await db.StringGetAsync(hourKey));
        var hourTtl = await db.KeyTimeToLiveAsync(hourKey);
        Assert.InRange(hourTtl!.Value, end - now - TimeSpan.FromSeconds(2), end - now);

        // GCRA: the TAT lives only until the bucket is full again (one interval after one call).
        var tatTtl = await db.KeyTimeToLiveAsync($"rl:{{{key}}}:per_second:s");
        Assert.InRange(tatTtl!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Windows_follow_the_Redis_clock_not_the_hosts()
    {
        var wrongClock = new ManualTimeProvider(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var limiter = new RedisRateLimiter(TestRedis.Connection, wrongClock);
        var rule = new RateLimitRule("per_hour", RateWindow.Hour, 5);

        var decision = await limiter.AcquireAsync(new RateLimitRequest(TestRedis.NewKey(), [rule], 1, Calendar), CancellationToken.None);

        Assert.Equal(ExpectedWindows.Hour(DateTimeOffset.UtcNow, Calendar.TimeZone).Start, decision.States[0].WindowStart);
    }

    [Fact]
    public async Task The_script_is_loaded_again_after_Redis_forgets_it()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var connection = TestRedis.Connect(server.Endpoint);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { server.Endpoint }, AllowAdmin = true });
        var limiter = new RedisRateLimiter(connection, TimeProvider.System);
        var request = new RateLimitRequest(TestRedis.NewKey(), [new RateLimitRule("per_hour", RateWindow.Hour, 10)], 1, Calendar);

        Assert.Equal(9, (await limiter.AcquireAsync(request, CancellationToken.None)).States[0].Remaining);
        await admin.GetServer(server.Endpoint).ScriptFlushAsync();
        Assert.Equal(8, (await limiter.AcquireAsync(request, CancellationToken.None)).States[0].Remaining);
        Assert.Equal(7, (await limiter.AcquireAsync(request, CancellationToken.None)).States[0].Remaining);
    }
}
