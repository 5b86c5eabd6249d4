using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Platform.Infrastructure.Persistence;

/// <summary>Applies pending migrations for whichever provider is configured.</summary>
public sealed partial class DatabaseMigrator(PlatformDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while the single writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await db.Database.MigrateAsync(ct);
        LogMigrated(logger, pending.Count, db.Database.ProviderName ?? "unknown");
    }

    /// <summary>True when the database answers and no migration is pending.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken ct) =>
        await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any();

    public Task<bool> CanConnectAsync(CancellationToken ct) => db.Database.CanConnectAsync(ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Count} migration(s) applied on {Provider}")]
    private static partial void LogMigrated(ILogger logger, int count, string provider);
}
