using Microsoft.Extensions.Logging.Abstractions;
using Platform.Application.Abstractions.RateLimiting;
using Platform.Infrastructure.RateLimiting;
using StackExchange.Redis;

namespace Platform.Bench.QuotaBench;

/// <summary>
/// What is measured, each as "worker index → one decision". Every worker cycles through its own
/// tenants; limits are high enough that every call is admitted, so every run takes the script's write
/// path (the in-process limiter runs ~1M decisions/s on one thread: one key would exhaust its burst).
/// </summary>
internal sealed class Targets : IDisposable
{
    private static readonly RateLimitRule[] Rules =
    [
        new("per_second", RateWindow.Second, 1_000_000, 1_000_000),
        new("per_hour", RateWindow.Hour, 1_000_000_000),
        new("per_day", RateWindow.Day, 1_000_000_000),
        new("per_month", RateWindow.Month, 1_000_000_000_000),
    ];

    private const int KeysPerWorker = 16;

    private readonly IDatabase _db;
    private readonly RateLimitRequest[][] _requests;
    private readonly (RedisKey[] Keys, RedisValue[] Args)[][] _scriptCalls;
    private readonly int[] _next;
    private readonly RedisRateLimiter _redis;
    private readonly FailOpenRateLimiter _failOpen;
    private readonly InProcessRateLimiter _inProcess = new(TimeProvider.System);
    private readonly RateLimitingMetrics _metrics = new();
    private long _degraded;

    public Targets(IConnectionMultiplexer connection, int concurrency)
    {
        _db = connection.GetDatabase();
        var calendar = new WindowCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"), 15);
        var run = Guid.NewGuid().ToString("N")[..8];
        _requests = [.. Enumerable.Range(0, concurrency).Select(w =>
            Enumerable.Range(0, KeysPerWorker).Select(k => new RateLimitRequest($"bench-{run}-{w}-{k}", Rules, 1, calendar)).ToArray())];
        // The ceiling sends exactly what the limiter would send, prepared once.
        var months = new MonthWindowCache();
        _scriptCalls = [.. _requests.Select(rs => rs.Select(r => RateLimitScript.Arguments(r, DateTimeOffset.UtcNow, months)).ToArray())];
        _next = new int[concurrency];
        _redis = new RedisRateLimiter(connection, TimeProvider.System);
        var options = new RateLimitingOptions();
        var hosts = new HostRegistry(connection, options, NullLogger<HostRegistry>.Instance);
        _failOpen = new FailOpenRateLimiter(_redis, hosts, options, _metrics, TimeProvider.System, NullLogger<FailOpenRateLimiter>.Instance);
    }

    public long DegradedDecisions => Interlocked.Read(ref _degraded);

    public async ValueTask RawScript(int worker)
    {
        var (keys, args) = _scriptCalls[worker][Next(worker)];
        await _db.ScriptEvaluateAsync(RateLimitScript.Hash, keys, args);
    }

    public async ValueTask RedisLimiter(int worker) => Check(await _redis.AcquireAsync(Request(worker), CancellationToken.None));

    public async ValueTask FailOpenLimiter(int worker)
    {
        var decision = await _failOpen.AcquireAsync(Request(worker), CancellationToken.None);
        if (decision.Degraded)
        {
            Interlocked.Increment(ref _degraded);
        }
    }

    public async ValueTask InProcessLimiter(int worker) => Check(await _inProcess.AcquireAsync(Request(worker), CancellationToken.None));

    /// <summary>Loads the script into Redis so the raw EVALSHA never meets NOSCRIPT.</summary>
    public async Task PrepareAsync() => await _redis.AcquireAsync(_requests[0][0], CancellationToken.None);

    public void Dispose() => _metrics.Dispose();

    // Each worker owns its slot: no sharing between workers.
    private int Next(int worker) => _next[worker] = (_next[worker] + 1) % KeysPerWorker;

    private RateLimitRequest Request(int worker) => _requests[worker][Next(worker)];

    private static void Check(RateLimitDecision decision)
    {
        if (!decision.Allowed)
        {
            throw new InvalidOperationException($"Benchmark limits are meant never to deny ({decision.DeniedLimitId}).");
        }
    }
}
