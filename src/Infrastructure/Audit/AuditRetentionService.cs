using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Domain.Tenancy;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Persistence.Configurations;

namespace Platform.Infrastructure.Audit;

/// <summary>
/// Deletes audit events past their tenant tier's retention (<c>Platform:Audit:RetentionDays</c>),
/// hourly. Platform-level events use the <c>Platform</c> entry.
/// </summary>
public sealed partial class AuditRetentionService(IServiceScopeFactory scopes, AuditOptions options, TimeProvider clock, ILogger<AuditRetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e); // Retried at the next tick; retention is not urgent.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs one purge now; returns the number of events deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var deleted = 0;
        foreach (var tier in Enum.GetValues<Tier>())
        {
            var cutoff = now.AddDays(-Days(tier.ToString()));
            var tenantIds = db.Tenants.Where(t => t.Tier == tier).Select(t => EF.Property<string>(t, TenantConfiguration.Key));
            deleted += await db.AuditEvents.Where(e => e.TenantId != null && tenantIds.Contains(e.TenantId) && e.EventTime < cutoff)
                .ExecuteDeleteAsync(ct);
        }

        var platformCutoff = now.AddDays(-Days("Platform"));
        deleted += await db.AuditEvents.Where(e => e.TenantId == null && e.EventTime < platformCutoff).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            LogPurged(logger, deleted);
        }

        return deleted;
    }

    private int Days(string key) => options.RetentionDays.TryGetValue(key, out var days) ? days : 365;

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit retention deleted {Count} events")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit retention failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
