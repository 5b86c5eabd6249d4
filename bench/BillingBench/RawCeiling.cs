using Npgsql;
using NpgsqlTypes;

namespace Platform.Bench.BillingBench;

/// <summary>
/// The ceiling: the same multi-row INSERT … ON CONFLICT DO NOTHING the platform issues, into a table
/// of the same shape and keys, from a bare Npgsql client in one transaction per 100 rows.
/// </summary>
internal sealed class RawCeiling(string connectionString)
{
    public async Task CreateTableAsync()
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS bench_usage_events (
                tenant_id text NOT NULL, idempotency_key text NOT NULL, metric text NOT NULL, quantity text NOT NULL,
                event_time bigint NOT NULL, properties text NULL, payload_hash text NOT NULL, record_time bigint NOT NULL,
                CONSTRAINT pk_bench_usage_events PRIMARY KEY (tenant_id, idempotency_key));
            CREATE INDEX IF NOT EXISTS ix_bench_usage_events_metric_time ON bench_usage_events (tenant_id, metric, event_time);
            """, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>One client: <paramref name="batches"/> transactions of <paramref name="size"/> new rows each.</summary>
    public async Task RunAsync(string prefix, int batches, int size)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var sql = Insert(size);
        var micros = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        for (var b = 0; b < batches; b++)
        {
            await using var tx = await conn.BeginTransactionAsync();
            await using var cmd = new NpgsqlCommand(sql, conn, tx);
            for (var i = 0; i < size; i++)
            {
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = "bench" });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = $"{prefix}-{b}-{i}" });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = "tokens" });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = "1" });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = micros });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = micros });
            }

            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }

            await tx.CommitAsync();
        }
    }

    private static string Insert(int size)
    {
        var rows = Enumerable.Range(0, size).Select(i =>
        {
            var p = i * 7;
            return $"(${p + 1}, ${p + 2}, ${p + 3}, ${p + 4}, ${p + 5}, NULL, ${p + 6}, ${p + 7})";
        });
        return "INSERT INTO bench_usage_events (tenant_id, idempotency_key, metric, quantity, event_time, properties, payload_hash, record_time) VALUES " +
               string.Join(", ", rows) + " ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING idempotency_key";
    }
}
