using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Abstractions.Operations;
using Platform.Application.Abstractions.Security;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Operations;

/// <summary>
/// Runs long-running operations: claims the oldest runnable one under a lease (so one host runs
/// it), lets its <see cref="IOperationRunner"/> do a chunk, then in one statement saves progress and
/// cursor, renews the lease and reads whether cancellation was asked for. Every write after the
/// claim is conditional on still holding the lease, so a host that lost it (paused too long)
/// cannot overwrite the progress of the host that took over.
/// </summary>
public sealed partial class OperationWorker(IServiceScopeFactory scopes, OperationOptions options, TimeProvider clock, ILogger<OperationWorker> logger)
    : BackgroundService
{
    public const string CancelledMessage = "The operation was cancelled.";

    /// <summary>Runners act as platform code, confined to the operation's tenant by the request context.</summary>
    public static readonly Principal System = new("system:operations", PrincipalKind.Operator, null, new HashSet<string>());

    // The lease is this worker's: a restarted host gets a new owner and waits for its old leases to expire.
    private readonly string _owner = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first; one wake is enough.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WorkerEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ForgetExpiredAsync(stoppingToken);
                while (await RunNextAsync(stoppingToken))
                {
                    // Another one may be waiting.
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e); // e.g. the table does not exist yet during start-up; retried next round.
            }

            try
            {
                await _signal.WaitAsync(TimeSpan.FromMilliseconds(options.PollMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims one runnable operation and runs it to its end (or until the lease is lost); false when there was none.</summary>
    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        if (await ClaimAsync(ct) is not { } operation)
        {
            return false;
        }

        while (true)
        {
            if (operation.CancelRequested)
            {
                await FinishAsync(operation, OperationState.Cancelled, OperationRecord.CancelledCode, CancelledMessage, ct);
                return true;
            }

            var step = await StepAsync(operation, ct);
            if (step.Failure is { } failure)
            {
                await FinishAsync(operation, OperationState.Failed, failure.Code, failure.Message, ct);
                return true;
            }

            if (await SaveProgressAsync(operation, step, ct) is not { } saved)
            {
                LogLeaseLost(logger, operation.Id);
                return true;
            }

            if (step.Finished)
            {
                await FinishAsync(saved, OperationState.Succeeded, null, null, ct);
                return true;
            }

            operation = saved;
            if (options.PauseMilliseconds > 0 && !operation.CancelRequested)
            {
                await Task.Delay(options.PauseMilliseconds, ct);
            }
        }
    }

    private async Task<OperationStep> StepAsync(OperationRecord operation, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
        context.TenantId = operation.TenantId;
        context.Principal = System;
        var runner = scope.ServiceProvider.GetServices<IOperationRunner>().FirstOrDefault(r => r.Kind == operation.Kind);
        if (runner is null)
        {
            return new OperationStep(0, 0, operation.Cursor, true, (12, "This host cannot run the operation.")); // UNIMPLEMENTED
        }

        try
        {
            return await runner.StepAsync(operation, Math.Max(1, options.ChunkSize), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The details stay in the log; the operation's error tells the client only that it failed.
            LogStepFailed(logger, e, operation.Id, operation.Kind);
            return new OperationStep(0, 0, operation.Cursor, true, (13, "The operation failed on the server; start it again.")); // INTERNAL
        }
    }

    private async Task<OperationRecord?> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(options.LeaseSeconds);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        // The claim test is repeated outside the subquery: a concurrent claimer that committed first
        // has set locked_until, and PostgreSQL re-checks the outer condition on the locked row.
        var rows = await db.Database.SqlQueryRaw<OperationStore.Row>(
            $$"""
            UPDATE operations SET lease_owner = {0}, locked_until = {1}, state = 2, start_time = COALESCE(start_time, {2}), update_time = {2}
            WHERE state IN (1, 2) AND (locked_until IS NULL OR locked_until < {2}) AND id IN (
                SELECT id FROM operations WHERE state IN (1, 2) AND (locked_until IS NULL OR locked_until < {2}) ORDER BY create_time, id LIMIT 1)
            RETURNING {{OperationStore.Columns}}
            """, _owner, until, now).ToListAsync(ct);
        return rows.Select(r => r.ToRecord()).FirstOrDefault();
    }

    /// <summary>Adds the chunk's counts, moves the cursor and renews the lease; null when the lease is no longer ours.</summary>
    private async Task<OperationRecord?> SaveProgressAsync(OperationRecord operation, OperationStep step, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(options.LeaseSeconds);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        // An empty type has no cursor yet; '' stands for it so the parameter always has a type.
        object[] args = [step.Processed, step.Documents, step.Cursor ?? "", now, until, operation.Id, _owner];
        var rows = await db.Database.SqlQueryRaw<OperationStore.Row>(
            $$"""
            UPDATE operations SET processed = processed + {0}, documents = documents + {1}, cursor = NULLIF({2}, ''), update_time = {3}, locked_until = {4}
            WHERE id = {5} AND lease_owner = {6} AND state = 2
            RETURNING {{OperationStore.Columns}}
            """, args).ToListAsync(ct);
        return rows.Select(r => r.ToRecord()).FirstOrDefault();
    }

    private async Task FinishAsync(OperationRecord operation, OperationState state, int? code, string? message, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE operations SET state = {(int)state}, error_code = {code}, error_message = {message}, end_time = {now}, update_time = {now},
                locked_until = NULL, lease_owner = NULL
            WHERE id = {operation.Id} AND lease_owner = {_owner} AND state = 2
            """, ct);
        LogFinished(logger, operation.Id, operation.Kind, state, operation.Processed);
    }

    private async Task ForgetExpiredAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.RetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM operations WHERE state >= 3 AND end_time < {before}", ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operation round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Operation {Id} ({Kind}) failed")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string id, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operation {Id} was taken over by another host (lease expired); stopping here")]
    private static partial void LogLeaseLost(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operation {Id} ({Kind}) ended {State} after {Processed} items")]
    private static partial void LogFinished(ILogger logger, string id, string kind, OperationState state, long processed);
}
