using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Application.Abstractions.RateLimiting;
using Platform.Infrastructure.RateLimiting;

namespace Platform.Infrastructure.Tests.RateLimiting;

public sealed class RateLimitingRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddPlatformRateLimiting(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Without_a_Redis_connection_string_the_limiter_is_in_process()
    {
        using var services = Build([]);

        Assert.IsType<InProcessRateLimiter>(services.GetRequiredService<IRateLimiter>());
        Assert.Empty(services.GetServices<IHostedService>());
    }

    [Fact]
    public async Task With_Redis_down_the_host_still_starts_and_decides_degraded()
    {
        await using var services = Build(new()
        {
            ["ConnectionStrings:Redis"] = RedisServerProcess.DeadEndpoint(),
            ["Platform:RateLimiting:TimeoutMs"] = "80",
            ["Platform:RateLimiting:ConnectTimeoutMs"] = "300",
        });

        var watch = Stopwatch.StartNew();
        var limiter = services.GetRequiredService<IRateLimiter>();
        var decision = await limiter.AcquireAsync(
            new RateLimitRequest("tenant", [new RateLimitRule("per_hour", RateWindow.Hour, 5)], 1, WindowCalendar.Utc), CancellationToken.None);

        Assert.IsType<FailOpenRateLimiter>(limiter);
        Assert.Equal(80, services.GetRequiredService<RateLimitingOptions>().TimeoutMs);
        Assert.Single(services.GetServices<IHostedService>(), s => s is HostRegistry);
        Assert.True(decision.Allowed);
        Assert.True(decision.Degraded);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task With_Redis_up_decisions_are_shared()
    {
        await using var services = Build(new() { ["ConnectionStrings:Redis"] = TestRedis.Endpoint });
        var limiter = services.GetRequiredService<IRateLimiter>();

        var decision = await limiter.AcquireAsync(
            new RateLimitRequest(TestRedis.NewKey(), [new RateLimitRule("per_hour", RateWindow.Hour, 5)], 1, WindowCalendar.Utc), CancellationToken.None);

        Assert.False(decision.Degraded);
        Assert.Equal(4, decision.States[0].Remaining);
    }
}
