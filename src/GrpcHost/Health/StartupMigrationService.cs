using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Infrastructure.Persistence;

namespace Platform.GrpcHost.Health;

/// <summary>
/// Migrates the database in the background so the host serves health (NOT_SERVING) while the
/// database is unreachable, and keeps retrying with backoff until it succeeds.
/// </summary>
public sealed partial class StartupMigrationService(
    IServiceScopeFactory scopes, StorageOptions storage, ILogger<StartupMigrationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!storage.MigrateOnStartup)
        {
            return;
        }

        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetry(logger, e, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database migration failed; retrying in {DelaySeconds} s")]
    private static partial void LogRetry(ILogger logger, Exception exception, double delaySeconds);
}

/// <summary>Healthy once the database answers and has no pending migration.</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    private volatile bool _migrated;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
            // Pending migrations only need checking until they are first seen applied.
            var ready = _migrated ? await migrator.CanConnectAsync(cancellationToken) : await migrator.IsReadyAsync(cancellationToken);
            _migrated |= ready;
            return ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database is not migrated yet");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database is unreachable");
        }
    }
}
