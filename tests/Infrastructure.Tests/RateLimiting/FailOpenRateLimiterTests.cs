using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Application.Abstractions.RateLimiting;
using Platform.Infrastructure.RateLimiting;
using StackExchange.Redis;

namespace Platform.Infrastructure.Tests.RateLimiting;

/// <summary>Outages of a real redis-server owned by the test: killed, restarted, paused.</summary>
public sealed class FailOpenRateLimiterTests
{
    private static readonly WindowCalendar Calendar = StableCalendar.At(DateTimeOffset.UtcNow);

    private static readonly RateLimitRule[] Generous =
    [
        new("per_second", RateWindow.Second, 10_000, 10_000),
        new("per_hour", RateWindow.Hour, 1_000_000),
    ];

    private static RateLimitingOptions FastBreaker(int knownHostsMinimum = 1) => new()
    {
        BreakerMinimumThroughput = 2,
        BreakerSamplingDurationMs = 1000,
        BreakerBreakDurationMs = 500,
        KnownHostsMinimum = knownHostsMinimum,
        HostsKey = $"hosts-{Guid.NewGuid():N}",
    };

    [Fact]
    public async Task Killing_Redis_degrades_without_denying_and_recovery_is_automatic()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var stack = Stack.Create(server.Endpoint, FastBreaker());
        using var fallbacks = new FallbackCounter(stack.Metrics);
        var request = new RateLimitRequest(TestRedis.NewKey(), Generous, 1, Calendar);
        var denials = 0;

        for (var i = 0; i < 10; i++)
        {
            Assert.False((await stack.Limiter.AcquireAsync(request, CancellationToken.None)).Degraded);
        }

        await server.KillAsync();
        var degraded = 0;
        var outage = Stopwatch.StartNew();
        while (outage.Elapsed < TimeSpan.FromSeconds(1.5))
        {
            var decision = await stack.Limiter.AcquireAsync(request, CancellationToken.None);
            denials += decision.Allowed ? 0 : 1;
            Assert.True(decision.Degraded);
            degraded++;
            await Task.Delay(10);
        }

        await server.RestartAsync();
        var recovery = Stopwatch.StartNew();
        RateLimitDecision last;
        do
        {
            last = await stack.Limiter.AcquireAsync(request, CancellationToken.None);
            denials += last.Allowed ? 0 : 1;
            degraded += last.Degraded ? 1 : 0;
            await Task.Delay(50);
        }
        while (last.Degraded && recovery.Elapsed < TimeSpan.FromSeconds(30));

        TestContext.Current.TestOutputHelper?.WriteLine($"{degraded} degraded decisions; back on Redis {recovery.Elapsed.TotalMilliseconds:F0} ms after the restart");
        Assert.False(last.Degraded, "still degraded 30 s after Redis came back");
        Assert.Equal(0, denials);
        Assert.Equal(degraded, fallbacks.Total);
        Assert.Equal(1, stack.Logger.Count(LogLevel.Warning, "unavailable"));
        Assert.Equal(1, stack.Logger.Count(LogLevel.Warning, "recovered"));
    }

    [Fact]
    public async Task A_paused_Redis_is_abandoned_after_the_timeout()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var stack = Stack.Create(server.Endpoint, FastBreaker());
        await using var admin = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { server.Endpoint }, AllowAdmin = true });
        var request = new RateLimitRequest(TestRedis.NewKey(), Generous, 1, Calendar);
        Assert.False((await stack.Limiter.AcquireAsync(request, CancellationToken.None)).Degraded);

        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "3000", "ALL");
        var watch = Stopwatch.StartNew();
        var decision = await stack.Limiter.AcquireAsync(request, CancellationToken.None);
        watch.Stop();

        Assert.True(decision.Allowed);
        Assert.True(decision.Degraded);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(2000));
    }

    [Fact]
    public async Task Without_Redis_each_host_enforces_its_share_of_the_limit()
    {
        await using var stack = Stack.Create(RedisServerProcess.DeadEndpoint(), FastBreaker(knownHostsMinimum: 3));
        var request = new RateLimitRequest(TestRedis.NewKey(), [new RateLimitRule("per_hour", RateWindow.Hour, 10)], 1, Calendar);

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 5; i++)
        {
            decisions.Add(await stack.Limiter.AcquireAsync(request, CancellationToken.None));
        }

        Assert.All(decisions, d => Assert.True(d.Degraded));
        Assert.Equal([true, true, true, true, false], decisions.Select(d => d.Allowed));
        Assert.Equal("per_hour", decisions[^1].DeniedLimitId);
        Assert.Equal(0, decisions[^1].States[0].Remaining);
        Assert.Equal(10, decisions[^1].States[0].Rule.Limit);
    }

    [Fact]
    public async Task A_script_error_fails_open()
    {
        var key = TestRedis.NewKey();
        // A hash where the GCRA state should be: the script's GET fails with WRONGTYPE.
        await TestRedis.Connection.GetDatabase().HashSetAsync($"rl:{{{key}}}:per_second:s", "x", "y");
        await using var stack = Stack.Create(TestRedis.Endpoint, FastBreaker());

        var decision = await stack.Limiter.AcquireAsync(new RateLimitRequest(key, Generous, 1, Calendar), CancellationToken.None);

        Assert.True(decision.Allowed);
        Assert.True(decision.Degraded);
    }

    /// <summary>The production wiring for one endpoint: product connection options, registry, metrics.</summary>
    private sealed class Stack : IAsyncDisposable
    {
        private Stack(ConnectionMultiplexer connection, RateLimitingOptions options)
        {
            Connection = connection;
            Metrics = new RateLimitingMetrics();
            var hosts = new HostRegistry(connection, options, NullLogger<HostRegistry>.Instance);
            Limiter = new FailOpenRateLimiter(new RedisRateLimiter(connection, TimeProvider.System), hosts, options, Metrics, TimeProvider.System, Logger);
        }

        public ConnectionMultiplexer Connection { get; }

        public RateLimitingMetrics Metrics { get; }

        public CollectingLogger<FailOpenRateLimiter> Logger { get; } = new();

        public FailOpenRateLimiter Limiter { get; }

        public static Stack Create(string endpoint, RateLimitingOptions options) =>
            new(ConnectionMultiplexer.Connect(RateLimitingServiceCollectionExtensions.RedisOptions(endpoint, options)), options);

        public async ValueTask DisposeAsync()
        {
            Metrics.Dispose();
            await Connection.DisposeAsync();
        }
    }

    /// <summary>Sums platform.ratelimit.fallback.decisions of one metrics instance.</summary>
    private sealed class FallbackCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public FallbackCounter(RateLimitingMetrics metrics)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter == metrics.Meter && instrument.Name == "platform.ratelimit.fallback.decisions")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
