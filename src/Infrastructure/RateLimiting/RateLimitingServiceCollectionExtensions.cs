using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Application.Abstractions.RateLimiting;
using StackExchange.Redis;

namespace Platform.Infrastructure.RateLimiting;

public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRateLimiter"/>: with <c>ConnectionStrings:Redis</c>, the Redis limiter behind
    /// <see cref="FailOpenRateLimiter"/> plus the <see cref="HostRegistry"/> heartbeat; without it, the
    /// in-process limiter (embedded mode). Options come from <c>Platform:RateLimiting</c>.
    /// </summary>
    public static IServiceCollection AddPlatformRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);

        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IRateLimiter>(sp => new InProcessRateLimiter(sp.GetRequiredService<TimeProvider>()));
            return services;
        }

        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisOptions(redis, options)));
        services.AddSingleton<RateLimitingMetrics>();
        services.AddSingleton<RedisRateLimiter>();
        services.AddSingleton<HostRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<HostRegistry>());
        services.AddSingleton<IRateLimiter, FailOpenRateLimiter>();
        return services;
    }

    internal static ConfigurationOptions RedisOptions(string connectionString, RateLimitingOptions options)
    {
        var redis = ConfigurationOptions.Parse(connectionString);
        // Start and serve while Redis is down; the connection keeps retrying in the background.
        redis.AbortOnConnectFail = false;
        redis.ConnectTimeout = options.ConnectTimeoutMs;
        // Fail at once while disconnected instead of queueing: a queued rate-limit call would be
        // charged in Redis after its request had already been decided by the local fallback.
        redis.BacklogPolicy = BacklogPolicy.FailFast;
        return redis;
    }
}
