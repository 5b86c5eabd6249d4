using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Domain.Tenancy;
using Platform.Infrastructure.Persistence.Configurations;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Hourly clean-up: tenants past their purge time are deleted for good with everything they own,
/// idempotency records older than 24 hours (the AIP-155 window we document) are dropped, and
/// entity revisions past their tenant's history retention are deleted.
/// </summary>
public sealed partial class HousekeepingService(IServiceScopeFactory scopes, TimeProvider clock, Eav.Store.RevisionRetention revisions,
    ILogger<HousekeepingService> logger) : BackgroundService
{
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e); // Retried at the next tick.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass now; returns (tenants purged, idempotency records dropped).</summary>
    public async Task<(int Tenants, int IdempotencyKeys)> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        var expired = await db.Tenants.Where(t => t.State == TenantState.Deleted && t.PurgeTime < now)
            .Select(t => EF.Property<string>(t, TenantConfiguration.Key)).ToListAsync(ct);
        foreach (var id in expired)
        {
            // One transaction per tenant: a failure leaves that tenant for the next pass, never half-purged.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.TenantId == id).ExecuteDeleteAsync(ct);
            await db.Members.IgnoreQueryFilters().Where(m => m.TenantId == id).ExecuteDeleteAsync(ct);
            await db.Roles.IgnoreQueryFilters().Where(r => r.TenantId == id).ExecuteDeleteAsync(ct);
            await db.AuditEvents.IgnoreQueryFilters().Where(e => e.TenantId == id).ExecuteDeleteAsync(ct);
            await db.EntityTypes.IgnoreQueryFilters().Where(t => t.TenantId == id).ExecuteDeleteAsync(ct);
            await Eav.Store.RevisionRetention.PurgeTenantAsync(db, id, ct);
            await db.Tenants.Where(t => EF.Property<string>(t, TenantConfiguration.Key) == id).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }

        var cutoff = now - IdempotencyWindow;
        var keys = await db.IdempotencyKeys.Where(k => k.CreateTime < cutoff).ExecuteDeleteAsync(ct);
        var history = await revisions.PurgeAsync(now, ct);
        if (expired.Count > 0 || keys > 0 || history > 0)
        {
            LogDone(logger, expired.Count, keys, history);
        }

        return (expired.Count, keys);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping purged {Tenants} tenants, {Keys} idempotency records and {Revisions} entity revisions past retention")]
    private static partial void LogDone(ILogger logger, int tenants, int keys, long revisions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
