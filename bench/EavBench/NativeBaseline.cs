using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Bench.EavBench;

/// <summary>
/// The baseline: the big tenant's entities copied into a table with one native column per
/// attribute, in the same database, with the same indexes as the platform builds for the type —
/// (tenant_id, attribute, id) per filterable / sortable attribute and the query hint's composite
/// (tenant_id, status, category, created DESC, id DESC) — and timed with prepared statements that
/// return the same rows the platform's queries return (same order, id as tiebreak in the
/// direction of the last key, page + 1 rows as the platform reads for its next-page token).
/// </summary>
internal sealed class NativeBaseline(NpgsqlDataSource db, string tenant)
{
    private const string Columns = "id, status, category, qty, price, created, title, body, active";
    private const int Limit = Workload.PageSize + 1;

    public static string Table => "native_items";

    /// <summary>Creates and fills the table from the platform's rows (INSERT … SELECT over the jsonb, physical order kept), indexes it and analyzes it.</summary>
    public async Task<TimeSpan> BuildAsync(long expectedRows)
    {
        var started = Stopwatch.GetTimestamp();
        await ExecuteAsync($"""
            DROP TABLE IF EXISTS {Table};
            CREATE TABLE {Table} (
                tenant_id text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL,
                status text COLLATE "C", category text COLLATE "C", qty bigint, price numeric, created timestamptz,
                title text COLLATE "C", body text, active boolean,
                PRIMARY KEY (tenant_id, id))
            """);
        var copied = await ExecuteAsync($"""
            INSERT INTO {Table} (tenant_id, {Columns})
            SELECT tenant_id, id, attrs->>'status', attrs->>'category', (attrs->>'qty')::bigint, (attrs->>'price')::numeric,
                   (attrs->>'created')::timestamptz, attrs->>'title', attrs->>'body', (attrs->>'active')::boolean
            FROM entities WHERE tenant_id = @tenant AND delete_time IS NULL
            """, ("tenant", tenant));
        if (copied != expectedRows)
        {
            throw new InvalidOperationException($"copied {copied} rows of {tenant} into {Table}, expected {expectedRows}");
        }

        foreach (var column in new[] { "status", "category", "qty", "price", "created", "title", "active" })
        {
            await ExecuteAsync($"CREATE INDEX {Table}_{column} ON {Table} (tenant_id, {column}, id)");
        }

        await ExecuteAsync($"CREATE INDEX {Table}_hint ON {Table} (tenant_id, status, category, created DESC, id DESC)");
        await ExecuteAsync($"ANALYZE {Table}");
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>The average number of rows each list query matches, over a few variants (what the page is taken from).</summary>
    public async Task<double> AverageMatchesAsync(Operation op, IEnumerable<Variant> variants)
    {
        var counts = new List<long>();
        await using var connection = await db.OpenConnectionAsync();
        foreach (var v in variants)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {Table} WHERE {Where(op)}", connection);
            Bind(command, op, v);
            counts.Add((long)(await command.ExecuteScalarAsync())!);
        }

        return counts.Average();
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of the statement the native client runs for <paramref name="op"/>.</summary>
    public async Task<string> ExplainAsync(Operation op, Variant v)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS) {Sql(op)}", connection);
        Bind(command, op, v);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>A client on its own connection from <paramref name="source"/> (default: the bench's data source).</summary>
    public async Task<ITarget> ClientAsync(NpgsqlDataSource? source = null)
    {
        var connection = await (source ?? db).OpenConnectionAsync();
        var commands = new Dictionary<Operation, NpgsqlCommand>();
        foreach (var op in Workload.Operations)
        {
            var command = new NpgsqlCommand(Sql(op), connection);
            Bind(command, op, new Variant("A", "C00", ItemData.CreatedTo, 0, "", 0));
            await command.PrepareAsync();
            commands[op] = command;
        }

        return new Client(connection, commands, tenant);
    }

    private static string Sql(Operation op) => op switch
    {
        Operation.Q1 => $"SELECT {Columns} FROM {Table} WHERE {Where(op)} ORDER BY created DESC, id DESC LIMIT {Limit}",
        Operation.Q2 => $"SELECT {Columns} FROM {Table} WHERE {Where(op)} ORDER BY price DESC, id DESC LIMIT {Limit}",
        Operation.Q3 => $"SELECT {Columns} FROM {Table} WHERE {Where(op)} ORDER BY qty, id LIMIT {Limit}",
        Operation.Get => $"SELECT {Columns} FROM {Table} WHERE tenant_id = @tenant AND id = @id",
        Operation.Update => $"UPDATE {Table} SET qty = @qty WHERE tenant_id = @tenant AND id = @id RETURNING {Columns}",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static string Where(Operation op) => op switch
    {
        Operation.Q1 => "tenant_id = @tenant AND status = @status AND category = @category AND created >= @since",
        Operation.Q2 => "tenant_id = @tenant AND active = true AND qty >= @minqty",
        Operation.Q3 => "tenant_id = @tenant AND category = @category",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private void Bind(NpgsqlCommand command, Operation op, Variant v)
    {
        command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = tenant });
        switch (op)
        {
            case Operation.Q1:
                command.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = v.Status });
                command.Parameters.Add(new NpgsqlParameter("category", NpgsqlDbType.Text) { Value = v.Category });
                command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = v.Since });
                break;
            case Operation.Q2:
                command.Parameters.Add(new NpgsqlParameter("minqty", NpgsqlDbType.Bigint) { Value = v.MinQty });
                break;
            case Operation.Q3:
                command.Parameters.Add(new NpgsqlParameter("category", NpgsqlDbType.Text) { Value = v.Category });
                break;
            case Operation.Get:
                command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = v.Id });
                break;
            case Operation.Update:
                command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = v.Id });
                command.Parameters.Add(new NpgsqlParameter("qty", NpgsqlDbType.Bigint) { Value = v.NewQty });
                break;
        }
    }

    private async Task<long> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>One connection with its prepared statements; the rows are read in full (all columns), as a service would.</summary>
    private sealed class Client(NpgsqlConnection connection, Dictionary<Operation, NpgsqlCommand> commands, string tenant) : ITarget
    {
        public async ValueTask<IReadOnlyList<string>> RunAsync(Operation op, Variant v, CancellationToken ct)
        {
            var command = commands[op];
            var p = command.Parameters;
            p["tenant"].Value = tenant;
            switch (op)
            {
                case Operation.Q1:
                    p["status"].Value = v.Status;
                    p["category"].Value = v.Category;
                    p["since"].Value = v.Since;
                    break;
                case Operation.Q2:
                    p["minqty"].Value = v.MinQty;
                    break;
                case Operation.Q3:
                    p["category"].Value = v.Category;
                    break;
                case Operation.Get:
                    p["id"].Value = v.Id;
                    break;
                case Operation.Update:
                    p["id"].Value = v.Id;
                    p["qty"].Value = v.NewQty;
                    break;
            }

            var ids = new List<string>(Limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetString(0));
                for (var i = 1; i < reader.FieldCount; i++)
                {
                    _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
            }

            return ids.Count > Workload.PageSize ? ids[..Workload.PageSize] : ids;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
