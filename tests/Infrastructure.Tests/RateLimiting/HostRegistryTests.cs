using Microsoft.Extensions.Logging.Abstractions;
using Platform.Infrastructure.RateLimiting;

namespace Platform.Infrastructure.Tests.RateLimiting;

public sealed class HostRegistryTests
{
    private static RateLimitingOptions Options(int expirySeconds = 20, int minimum = 1) =>
        new() { HostsKey = $"hosts-{Guid.NewGuid():N}", HostExpirySeconds = expirySeconds, KnownHostsMinimum = minimum };

    [Fact]
    public async Task Hosts_count_each_other_until_one_stops_reporting()
    {
        var options = Options(expirySeconds: 1);
        var a = new HostRegistry(TestRedis.Connection, options, NullLogger<HostRegistry>.Instance);
        var b = new HostRegistry(TestRedis.Connection, options, NullLogger<HostRegistry>.Instance);

        Assert.Equal(1, a.KnownHosts);
        await a.RefreshAsync(CancellationToken.None);
        Assert.Equal(2, await b.RefreshAsync(CancellationToken.None));
        Assert.Equal(2, await a.RefreshAsync(CancellationToken.None));

        await Task.Delay(TimeSpan.FromSeconds(2.1));
        Assert.Equal(1, await a.RefreshAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_configured_minimum_is_a_floor()
    {
        var registry = new HostRegistry(TestRedis.Connection, Options(minimum: 4), NullLogger<HostRegistry>.Instance);

        Assert.Equal(4, await registry.RefreshAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_last_count_is_kept_while_Redis_is_down_and_a_stopped_host_leaves()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var connection = TestRedis.Connect(server.Endpoint);
        var options = Options();
        var a = new HostRegistry(connection, options, NullLogger<HostRegistry>.Instance);
        var b = new HostRegistry(connection, options, NullLogger<HostRegistry>.Instance);
        await a.RefreshAsync(CancellationToken.None);
        await b.RefreshAsync(CancellationToken.None);

        await b.StopAsync(CancellationToken.None);
        Assert.Equal(1, await a.RefreshAsync(CancellationToken.None));
        await b.RefreshAsync(CancellationToken.None);
        Assert.Equal(2, await a.RefreshAsync(CancellationToken.None));

        await server.KillAsync();
        Assert.Equal(2, await a.RefreshAsync(CancellationToken.None));
    }
}
