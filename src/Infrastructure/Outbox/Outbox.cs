using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions.Outbox;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Outbox;

/// <summary>
/// Writes outbox rows with SQL on the scope's DbContext, so they join whatever transaction the
/// unit of work (or the entity store) has open and commit with the change that caused them.
/// </summary>
internal sealed class Outbox(PlatformDbContext db, OutboxWorker worker, TimeProvider clock) : IOutbox
{
    public async Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in messages)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO outbox_messages (tenant_id, topic, payload, create_time, available_time, attempts, state)
                VALUES ({m.TenantId}, {m.Topic}, {m.Payload}, {now}, {now}, 0, {(int)OutboxState.Pending})
                """, ct);
        }
    }

    public void Wake() => worker.Wake();

    public async Task<bool> WaitForDeliveryAsync(string tenantId, string topic, TimeSpan timeout, CancellationToken ct)
    {
        var pending = (int)OutboxState.Pending;
        var last = await db.Database.SqlQuery<long?>(
            $"SELECT MAX(id) AS \"Value\" FROM outbox_messages WHERE tenant_id = {tenantId} AND topic = {topic} AND state = {pending}").SingleAsync(ct);
        if (last is not { } upTo)
        {
            return true;
        }

        worker.Wake();
        var deadline = clock.GetUtcNow() + timeout;
        while (await db.Database.SqlQuery<int>(
            $"SELECT COUNT(*) AS \"Value\" FROM outbox_messages WHERE tenant_id = {tenantId} AND topic = {topic} AND state = {pending} AND id <= {upTo}").SingleAsync(ct) > 0)
        {
            if (clock.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, ct);
        }

        return true;
    }

    // Short: a caller is waiting on this, and each check is one indexed COUNT.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
}

internal enum OutboxState
{
    Pending = 0,
    /// <summary>Gave up after the attempt limit; kept with its last error for an operator.</summary>
    Parked = 1,
}
