using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Records this host in Redis every few seconds and remembers how many hosts were seen recently,
/// so that while Redis is down each host can enforce its share of a limit. The last count is kept
/// through an outage (that is when it is needed).
/// </summary>
public sealed partial class HostRegistry(IConnectionMultiplexer redis, RateLimitingOptions options, ILogger<HostRegistry> logger) : BackgroundService
{
    // Redis's clock scores every host, so skewed host clocks cannot expire each other early. Scores are
    // whole seconds: the exclusive bound keeps a host seen in the last second of the expiry.
    private const string HeartbeatScript = """
        local now = tonumber(redis.call('TIME')[1])
        redis.call('ZADD', KEYS[1], now, ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[2])))
        return redis.call('ZCARD', KEYS[1])
        """;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    private int _count = 1;
    private bool _failing;

    public string HostId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Hosts seen within <see cref="RateLimitingOptions.HostExpirySeconds"/>, at least the configured minimum.</summary>
    public int KnownHosts => Math.Max(Math.Max(1, options.KnownHostsMinimum), Volatile.Read(ref _count));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.HostHeartbeatSeconds));
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One heartbeat now; returns <see cref="KnownHosts"/>.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        try
        {
            var seen = (int)await redis.GetDatabase()
                .ScriptEvaluateAsync(HeartbeatScript, [options.HostsKey], [HostId, options.HostExpirySeconds])
                .WaitAsync(CallTimeout, ct);
            Volatile.Write(ref _count, Math.Max(1, seen));
            if (_failing)
            {
                _failing = false;
                LogRecovered(logger, seen);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Logged once per outage: the heartbeat retries every few seconds.
            if (!_failing)
            {
                _failing = true;
                LogFailed(logger, e, KnownHosts);
            }
        }

        return KnownHosts;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Leaving promptly gives the others their larger share sooner; otherwise the entry expires.
            await redis.GetDatabase().SortedSetRemoveAsync(options.HostsKey, HostId).WaitAsync(CallTimeout, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLeaveFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host heartbeat to Redis failed; keeping the last known host count {Count}")]
    private static partial void LogFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host heartbeat to Redis works again; {Count} hosts known")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not remove this host from Redis on shutdown")]
    private static partial void LogLeaveFailed(ILogger logger, Exception exception);
}
