using Platform.Application.Abstractions.RateLimiting;
using StackExchange.Redis;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// Decides every rule of a call in one atomic Lua script on Redis (<c>RateLimit.lua</c>): GCRA for
/// the per-second rule, fixed windows for hour/day/month, Redis's clock for all of them. Shared by
/// every host. Errors propagate: <see cref="FailOpenRateLimiter"/> decides what an outage means.
/// </summary>
public sealed class RedisRateLimiter(IConnectionMultiplexer redis, TimeProvider clock, RateLimitingOptions? options = null) : IRateLimiter
{
    private readonly MonthWindowCache _months = new();

    public async ValueTask<RateLimitDecision> AcquireAsync(RateLimitRequest request, CancellationToken ct)
    {
        RateLimitRequestGuard.Validate(request);
        if (request.Rules.Count == 0)
        {
            return RateLimitDecision.Unlimited;
        }

        // Once sent, a StackExchange.Redis command cannot be cancelled; only refuse to start.
        ct.ThrowIfCancellationRequested();
        var (keys, args) = RateLimitScript.Arguments(request, clock.GetUtcNow(), _months, options?.KeyPrefix ?? "");
        var reply = await EvaluateAsync(redis.GetDatabase(), keys, args);
        return RateLimitReply.ToDecision(request, (long[]?)reply ?? []);
    }

    /// <summary>EVALSHA, and on NOSCRIPT (new server, restart, SCRIPT FLUSH) the full script once.</summary>
    internal static async Task<RedisResult> EvaluateAsync(IDatabaseAsync db, RedisKey[] keys, RedisValue[] args)
    {
        try
        {
            return await db.ScriptEvaluateAsync(RateLimitScript.Hash, keys, args);
        }
        catch (RedisServerException e) when (e.Kind == RedisErrorKind.NoScript)
        {
            // NOSCRIPT means nothing ran, so sending the source is still one atomic decision; the
            // client loads it (SCRIPT LOAD) and the next calls hit the hash again.
            return await db.ScriptEvaluateAsync(RateLimitScript.Source, keys, args);
        }
    }
}
