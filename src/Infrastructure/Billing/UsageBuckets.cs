using System.Globalization;
using Platform.Application.Abstractions.Billing;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Sql;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// <see cref="IUsageBuckets"/>: the range's rows streamed once and summed in exact decimals per
/// metric and bucket in C# (SQLite has no exact decimal sum, and local days are not UTC days).
/// Memory stays at one number per metric and day whatever the number of events.
/// </summary>
internal sealed class UsageBuckets(PlatformDbContext db, EavDialect dialect) : IUsageBuckets
{
    public async Task<IReadOnlyDictionary<string, decimal[]>> SumsAsync(string tenantId, IReadOnlyList<DateTimeOffset> boundaries, CancellationToken ct)
    {
        var sums = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        if (boundaries.Count < 2)
        {
            return sums;
        }

        var edges = boundaries.Select(UsageTime.ToMicros).ToArray();
        var w = new SqlWriter().Append("SELECT metric, quantity, event_time FROM usage_events WHERE tenant_id = ")
            .Value(new SqlValue(tenantId, SqlArgumentType.Text))
            .Append(" AND event_time >= ").Value(new SqlValue(edges[0], SqlArgumentType.Int64))
            .Append(" AND event_time < ").Value(new SqlValue(edges[^1], SqlArgumentType.Int64));
        await using var command = await EavCommands.CreateAsync(db, w.ToSql(), dialect, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var metric = reader.GetString(0);
            if (!sums.TryGetValue(metric, out var buckets))
            {
                sums[metric] = buckets = new decimal[edges.Length - 1];
            }

            // The bucket whose start is the last edge at or before the event.
            var at = Array.BinarySearch(edges, reader.GetInt64(2));
            var bucket = at >= 0 ? at : ~at - 1;
            buckets[Math.Min(bucket, buckets.Length - 1)] += decimal.Parse(reader.GetString(1), NumberStyles.Number, CultureInfo.InvariantCulture);
        }

        return sums;
    }
}
