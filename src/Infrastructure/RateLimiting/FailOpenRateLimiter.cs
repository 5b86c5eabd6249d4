using Microsoft.Extensions.Logging;
using Platform.Application.Abstractions.RateLimiting;
using Polly;
using Polly.CircuitBreaker;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// The limiter used when Redis is configured: Redis decides, within <see cref="RateLimitingOptions.TimeoutMs"/>
/// and behind a circuit breaker. When Redis fails, is slow or the circuit is open, a local
/// <see cref="InProcessRateLimiter"/> decides with each limit divided by the number of known hosts, and the
/// decision is marked degraded. A backend error never denies a call; the breaker's half-open probe
/// brings Redis back on its own.
/// </summary>
public sealed partial class FailOpenRateLimiter : IRateLimiter
{
    private readonly RedisRateLimiter _shared;
    private readonly InProcessRateLimiter _local;
    private readonly HostRegistry _hosts;
    private readonly RateLimitingMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger<FailOpenRateLimiter> _logger;
    private readonly TimeSpan _timeout;
    private readonly ResiliencePipeline _breaker;
    private int _degraded;

    public FailOpenRateLimiter(
        RedisRateLimiter shared, HostRegistry hosts, RateLimitingOptions options, RateLimitingMetrics metrics, TimeProvider clock, ILogger<FailOpenRateLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_shared, _hosts, _metrics, _clock, _logger) = (shared, hosts, metrics, clock, logger);
        _local = new InProcessRateLimiter(clock);
        _timeout = TimeSpan.FromMilliseconds(options.TimeoutMs);
        _breaker = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromMilliseconds(options.BreakerSamplingDurationMs),
                BreakDuration = TimeSpan.FromMilliseconds(options.BreakerBreakDurationMs),
                // The caller giving up is not Redis failing.
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is not null and not OperationCanceledException),
            })
            .Build();
    }

    public async ValueTask<RateLimitDecision> AcquireAsync(RateLimitRequest request, CancellationToken ct)
    {
        RateLimitRequestGuard.Validate(request);
        if (request.Rules.Count == 0)
        {
            return RateLimitDecision.Unlimited;
        }

        string reason;
        try
        {
            var decision = await _breaker.ExecuteAsync(static (s, ct) => s.Self.SharedAsync(s.Request, ct), (Self: this, Request: request), ct);
            if (Interlocked.Exchange(ref _degraded, 0) == 1)
            {
                LogRecovered(_logger);
            }

            return decision;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException)
        {
            reason = "circuit_open";
        }
        catch (TimeoutException)
        {
            reason = "timeout";
        }
        catch (Exception e)
        {
            // Any failure of the shared backend (connection, script, reply) fails open the same way.
            reason = "error";
            LogError(_logger, e);
        }

        return await LocalAsync(request, reason, ct);
    }

    private async ValueTask<RateLimitDecision> SharedAsync(RateLimitRequest request, CancellationToken ct)
    {
        // StackExchange.Redis calls ignore cancellation, so the timeout abandons the wait, not the call.
        var call = _shared.AcquireAsync(request, ct).AsTask();
        try
        {
            return await call.WaitAsync(_timeout, _clock, ct);
        }
        catch (TimeoutException)
        {
            // The abandoned call may still fault later; observe it so it is not reported as unobserved.
            _ = call.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    private async ValueTask<RateLimitDecision> LocalAsync(RateLimitRequest request, string reason, CancellationToken ct)
    {
        var hosts = _hosts.KnownHosts;
        _metrics.FallbackDecision(reason);
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            LogFallingBack(_logger, reason, hosts);
        }

        var local = await _local.AcquireAsync(request with { Rules = HostShare.Of(request.Rules, hosts) }, ct);
        // States name the configured rules (what callers report to clients); the counts are this host's share.
        var states = new RateLimitState[local.States.Count];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = local.States[i] with { Rule = request.Rules[i] };
        }

        return local with { States = states, Degraded = true };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis rate limiting unavailable ({Reason}); deciding locally with 1/{Hosts} of each limit until it recovers")]
    private static partial void LogFallingBack(ILogger logger, string reason, int hosts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis rate limiting recovered; local fallback decisions stopped")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis rate-limit call failed")]
    private static partial void LogError(ILogger logger, Exception exception);
}
