using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Infrastructure.Persistence;

namespace Platform.GrpcHost.Health;

/// <summary>
/// Drives <see cref="PlatformStartup"/> in the background so the host serves health (NOT_SERVING)
/// while the database is unreachable, retrying with backoff until it succeeds.
/// </summary>
public sealed partial class StartupMigrationService(PlatformStartup startup, ILogger<StartupMigrationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await startup.TryRunAsync(stoppingToken))
                {
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetry(logger, e, delay.TotalSeconds);
            }

            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 10));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database start-up (migration, bootstrap) failed; retrying in {DelaySeconds} s")]
    private static partial void LogRetry(ILogger logger, Exception exception, double delaySeconds);
}

/// <summary>Healthy once start-up completed (migrated, bootstrapped) and the database answers.</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, PlatformStartup startup) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await startup.TryRunAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("database is not migrated yet");
            }

            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("database is unreachable");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database is unreachable");
        }
    }
}
