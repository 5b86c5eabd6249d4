using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions.Billing;
using Platform.Domain.Billing;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Sql;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// <see cref="IUsageRecorder"/> with SQL: multi-row <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c>
/// claims the keys (the primary key is the claim), then the keys it did not insert are compared by
/// payload hash. A different payload rolls the whole transaction back. Concurrent deliveries of one
/// key wait on each other's row lock (PostgreSQL) or are serialized (SQLite), so exactly one inserts.
/// </summary>
internal sealed class UsageRecorder(PlatformDbContext db, EavDialect dialect) : IUsageRecorder
{
    // 8 parameters a row: 200 rows stay far below both databases' parameter limits.
    private const int RowsPerStatement = 200;

    public async Task<RecordOutcome> RecordAsync(string tenantId, IReadOnlyList<UsageEvent> events, DateTimeOffset recordTime, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return new RecordOutcome(0, 0, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inserted = await InsertAsync(db, dialect, tenantId, events, recordTime, ct);
        var others = events.Select((e, i) => (e, i)).Where(x => !inserted.Contains(x.e.IdempotencyKey)).ToList();
        if (others.Count > 0)
        {
            var stored = await HashesAsync(tenantId, others.Select(x => x.e.IdempotencyKey).ToList(), ct);
            foreach (var (e, i) in others)
            {
                if (!stored.TryGetValue(e.IdempotencyKey, out var hash) || hash != e.PayloadHash)
                {
                    await transaction.RollbackAsync(ct);
                    return new RecordOutcome(0, 0, i);
                }
            }
        }

        await transaction.CommitAsync(ct);
        return new RecordOutcome(inserted.Count, others.Count, null);
    }

    /// <summary>Inserts the rows whose keys are new (in the caller's transaction, if any); returns those keys.</summary>
    internal static async Task<HashSet<string>> InsertAsync(PlatformDbContext db, EavDialect dialect, string tenantId, IReadOnlyList<UsageEvent> events,
        DateTimeOffset recordTime, CancellationToken ct)
    {
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        var recorded = UsageTime.ToMicros(recordTime);
        // Rows go in key order: two batches sharing keys then wait on each other's row locks in the
        // same order, never in a cycle (PostgreSQL would abort one of them as a deadlock).
        foreach (var chunk in events.OrderBy(e => e.IdempotencyKey, StringComparer.Ordinal).Chunk(RowsPerStatement))
        {
            var w = new SqlWriter().Append(
                "INSERT INTO usage_events (tenant_id, idempotency_key, metric, quantity, event_time, properties, payload_hash, record_time) VALUES ");
            w.Join(chunk, ", ", (row, e) =>
            {
                row.Append("(").Value(Text(tenantId)).Append(", ").Value(Text(e.IdempotencyKey)).Append(", ").Value(Text(e.Metric))
                    .Append(", ").Value(Text(e.QuantityText)).Append(", ").Value(Int(UsageTime.ToMicros(e.EventTime))).Append(", ");
                if (e.Properties.Count == 0)
                {
                    row.Append("NULL");
                }
                else
                {
                    row.Value(Text(JsonSerializer.Serialize(e.Properties)));
                }

                row.Append(", ").Value(Text(e.PayloadHash)).Append(", ").Value(Int(recorded)).Append(")");
            });
            w.Append(" ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING idempotency_key");
            await using var command = await EavCommands.CreateAsync(db, w.ToSql(), dialect, ct);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                inserted.Add(reader.GetString(0));
            }
        }

        return inserted;
    }

    private async Task<Dictionary<string, string>> HashesAsync(string tenantId, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(RowsPerStatement * 4))
        {
            var w = new SqlWriter().Append("SELECT idempotency_key, payload_hash FROM usage_events WHERE tenant_id = ").Value(Text(tenantId))
                .Append(" AND idempotency_key IN (").Join(chunk, ", ", (x, k) => x.Value(Text(k))).Append(")");
            await using var command = await EavCommands.CreateAsync(db, w.ToSql(), dialect, ct);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                hashes[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return hashes;
    }

    private static SqlValue Text(string value) => new(value, SqlArgumentType.Text);

    private static SqlValue Int(long value) => new(value, SqlArgumentType.Int64);
}
