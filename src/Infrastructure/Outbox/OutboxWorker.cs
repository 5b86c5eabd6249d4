using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Abstractions.Outbox;
using Platform.Application.Abstractions.Security;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Outbox;

/// <summary>
/// Drains the outbox: claims a batch (hidden from other hosts for <see cref="OutboxOptions.LockSeconds"/>),
/// delivers each message in a scope acting for its tenant, deletes it once every handler of its
/// topic succeeded, and otherwise schedules a retry with exponential backoff or, past the attempt
/// limit, parks it with the error. A host that dies mid-batch leaves claims that simply expire.
/// </summary>
public sealed partial class OutboxWorker(IServiceScopeFactory scopes, OutboxOptions options, TimeProvider clock, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    /// <summary>The principal background deliveries act as: platform code, confined to the message's tenant by the request context.</summary>
    public static readonly Principal System = new("system:outbox", PrincipalKind.Operator, null, new HashSet<string>());

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

    /// <summary>Delivers what is due now, batch after batch, until nothing is; returns how many messages were handled.</summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var total = 0;
        while (await RunBatchAsync(ct) is var handled and > 0)
        {
            total += handled;
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
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

    /// <summary>
    /// Claims a batch and delivers it a (tenant, topic) group at a time: batch subscribers get the
    /// whole group in one call. A group that fails is delivered again message by message, so only
    /// the messages that fail on their own are retried or parked. Successes are deleted in one statement.
    /// </summary>
    private async Task<int> RunBatchAsync(CancellationToken ct)
    {
        var claimed = await ClaimAsync(ct);
        var delivered = new List<long>();
        foreach (var group in claimed.GroupBy(m => (m.TenantId, m.Topic)))
        {
            var messages = group.ToList();
            if (messages.Count > 1 && Batchable(group.Key.Topic) && await DeliverAsync(messages, ct) is null)
            {
                delivered.AddRange(messages.Select(m => m.Id));
                continue;
            }

            foreach (var message in messages)
            {
                if (await DeliverAsync([message], ct) is { } error)
                {
                    await SettleFailureAsync(message, error, ct);
                }
                else
                {
                    delivered.Add(message.Id);
                }
            }
        }

        await SettleDeliveredAsync(delivered, ct);
        return claimed.Count;
    }

    private async Task<List<OutboxDelivery>> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(options.LockSeconds);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        // The claim test is repeated outside the subquery: a concurrent claimer that committed first
        // has set locked_until, and PostgreSQL re-checks the outer condition on the locked row.
        var rows = await db.Database.SqlQuery<ClaimedRow>(
            $"""
            UPDATE outbox_messages SET locked_until = {until}, attempts = attempts + 1
            WHERE state = {(int)OutboxState.Pending} AND (locked_until IS NULL OR locked_until < {now}) AND id IN (
                SELECT id FROM outbox_messages
                WHERE state = {(int)OutboxState.Pending} AND available_time <= {now} AND (locked_until IS NULL OR locked_until < {now})
                ORDER BY id LIMIT {options.BatchSize})
            RETURNING id AS "Id", tenant_id AS "TenantId", topic AS "Topic", payload AS "Payload", attempts AS "Attempts", create_time AS "CreateTime"
            """).ToListAsync(ct);
        return rows.OrderBy(r => r.Id)
            .Select(r => new OutboxDelivery(r.Id, r.TenantId, r.Topic, r.Payload, r.Attempts, DateTime.SpecifyKind(r.CreateTime, DateTimeKind.Utc)))
            .ToList();
    }

    /// <summary>
    /// Runs every handler of the topic over messages of one tenant and topic, in a scope acting for
    /// the tenant; the first failure, or null.
    /// </summary>
    private async Task<Exception?> DeliverAsync(List<OutboxDelivery> messages, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
        context.TenantId = messages[0].TenantId;
        context.Principal = System;
        try
        {
            foreach (var handler in scope.ServiceProvider.GetServices<IOutboxSubscriber>().Where(h => h.Topic == messages[0].Topic))
            {
                if (handler is IOutboxBatchSubscriber batch)
                {
                    await batch.HandleBatchAsync(messages, ct);
                    continue;
                }

                foreach (var message in messages)
                {
                    await handler.HandleAsync(message, ct);
                }
            }

            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return e;
        }
    }

    /// <summary>Whether every handler of the topic takes batches (the subscriber set is fixed at start-up, so asked once).</summary>
    private bool Batchable(string topic) => _batchable.GetOrAdd(topic, t =>
    {
        using var scope = scopes.CreateScope();
        var handlers = scope.ServiceProvider.GetServices<IOutboxSubscriber>().Where(h => h.Topic == t).ToList();
        return handlers.Count > 0 && handlers.All(h => h is IOutboxBatchSubscriber);
    });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _batchable = new(StringComparer.Ordinal);

    private async Task SettleDeliveredAsync(List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        // Ids are longs from our own claim, so writing them into the statement is safe; one statement for the batch.
        var sql = "DELETE FROM outbox_messages WHERE id IN (" + string.Join(",", ids) + ")";
        await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    private async Task SettleFailureAsync(OutboxDelivery message, Exception error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        // The exception text stays in the database for operators; logs get the type and message id only.
        var text = error.ToString();
        var detail = text.Length > 4000 ? text[..4000] : text;
        if (message.Attempt >= options.MaxAttempts)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE outbox_messages SET state = {(int)OutboxState.Parked}, locked_until = NULL, last_error = {detail} WHERE id = {message.Id}", ct);
            LogParked(logger, message.Id, message.Topic, message.Attempt, error.GetType().Name);
            return;
        }

        var retryAt = clock.GetUtcNow().UtcDateTime + options.Backoff(message.Attempt, Random.Shared.NextDouble());
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE outbox_messages SET available_time = {retryAt}, locked_until = NULL, last_error = {detail} WHERE id = {message.Id}", ct);
        LogRetry(logger, message.Id, message.Topic, message.Attempt, error.GetType().Name);
    }

    private sealed record ClaimedRow(long Id, string? TenantId, string Topic, string Payload, int Attempts, DateTime CreateTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Topic}) failed on attempt {Attempt} with {Error}; retrying with backoff")]
    private static partial void LogRetry(ILogger logger, long id, string topic, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Topic}) parked after {Attempt} attempts; last error {Error}")]
    private static partial void LogParked(ILogger logger, long id, string topic, int attempt, string error);
}
