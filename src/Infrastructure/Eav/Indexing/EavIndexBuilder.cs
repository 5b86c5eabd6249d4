using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Eav.Indexing;

/// <summary>
/// Runs the DDL that <see cref="EavIndexes"/> records, one index at a time (builds are heavy and the
/// database keeps serving meanwhile): a BUILDING index is created and marked READY, or FAILED when
/// the database refuses its definition (existing duplicates under a unique index); a DROPPING one
/// is dropped and forgotten. A round runs when woken after a commit and every
/// <see cref="PollInterval"/>, which picks up work recorded on other hosts and work a stopped or
/// crashed host left BUILDING. Nothing here stops the host: a failed round is logged and retried.
/// </summary>
public sealed partial class EavIndexBuilder(IServiceScopeFactory scopes, EavDialect dialect, TimeProvider clock, ILogger<EavIndexBuilder> logger)
    : BackgroundService
{
    /// <summary>How long the builder sleeps when nobody wakes it.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    // At most one pending wake-up: any number during a round ask for one more round, not many.
    private readonly SemaphoreSlim _wake = new(0, 1);
    private bool _migrated;

    /// <summary>Asks for a round now; call it after the commit that recorded the work, or the round may not see it.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, e);
            }

            await _wake.WaitAsync(PollInterval, stoppingToken);
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var ddl = await EavIndexDdl.OpenAsync(db, dialect, ct);

        // The table comes with the host's start-up migration, which reports its own trouble.
        _migrated = _migrated || await ddl.HasTableAsync(ct);
        if (!_migrated || !await ddl.TryLockAsync(ct))
        {
            return; // Not migrated yet, or another host's builder is at work (its next round takes these rows too).
        }

        try
        {
            var rows = new EavIndexRows(db, clock);
            foreach (var row in await rows.PendingAsync(ct))
            {
                try
                {
                    await (row.RowState == EavIndexRowState.Dropping ? DropAsync(rows, ddl, row, ct) : BuildAsync(rows, ddl, row, ct));
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // Left as it is for the next round; the other rows are not held up behind it.
                    LogIndexFailed(logger, e, row.Name, row.TenantId, row.TypeId);
                }
            }
        }
        finally
        {
            await ddl.UnlockAsync();
        }
    }

    private async Task BuildAsync(EavIndexRows rows, EavIndexDdl ddl, EavIndexRows.Row row, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        try
        {
            await ddl.CreateAsync(row.Name, row.CreateSql, ct);
            if (row.StatisticsSql is { } statistics)
            {
                await ddl.RunAsync(statistics, ct);
            }
        }
        catch (DbException e) when (!e.IsTransient && !ct.IsCancellationRequested)
        {
            // Refused by the database: it would refuse again until the type (re-planned on save) or its data change.
            await ddl.DropAsync(row.Name, ct); // A failed concurrent build leaves an INVALID index behind.
            var error = Describe(e);
            await rows.MoveAsync(row.Name, EavIndexRowState.Building, EavIndexRowState.Failed, error, ct);
            LogBuildFailed(logger, row.Name, row.TenantId, row.TypeId, error);
            return;
        }

        if (await rows.MoveAsync(row.Name, EavIndexRowState.Building, EavIndexRowState.Ready, null, ct))
        {
            var seconds = clock.GetElapsedTime(started).TotalSeconds;
            LogBuilt(logger, row.Name, row.TenantId, row.TypeId, seconds);
        }
        else if (!await rows.ExistsAsync(row.Name, ct))
        {
            // Dropped and forgotten by another host while this one built it (SQLite hosts share no
            // lock): nobody else would ever drop it.
            await ddl.DropAsync(row.Name, ct);
        }
    }

    private async Task DropAsync(EavIndexRows rows, EavIndexDdl ddl, EavIndexRows.Row row, CancellationToken ct)
    {
        await ddl.DropAsync(row.Name, ct);
        await rows.DeleteDroppedAsync(row.Name, ct);
        LogDropped(logger, row.Name, row.TenantId, row.TypeId);
    }

    // The database's message without PostgreSQL's DETAIL, which quotes the duplicated values (tenant data).
    private static string Describe(DbException e)
    {
        var message = e is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : e.Message;
        return message.Length <= EavIndexRows.MaxErrorLength ? message : message[..EavIndexRows.MaxErrorLength];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "EAV index {Index} of {TenantId}/{TypeId} built in {Seconds:0.###} s")]
    private static partial void LogBuilt(ILogger logger, string index, string tenantId, string typeId, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "EAV index {Index} of {TenantId}/{TypeId} dropped")]
    private static partial void LogDropped(ILogger logger, string index, string tenantId, string typeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "EAV index {Index} of {TenantId}/{TypeId} failed to build: {Error}")]
    private static partial void LogBuildFailed(ILogger logger, string index, string tenantId, string typeId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "EAV index {Index} of {TenantId}/{TypeId} could not be processed; retrying next round")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, string index, string tenantId, string typeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "EAV index round failed; retrying next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
