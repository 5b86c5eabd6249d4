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
}

internal enum OutboxState
{
    Pending = 0,
    /// <summary>Gave up after the attempt limit; kept with its last error for an operator.</summary>
    Parked = 1,
}
