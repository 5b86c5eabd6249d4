using System.Globalization;
using System.Text.Json;
using Platform.Application.Abstractions.Billing;
using Platform.Domain.Billing;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Sql;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// <see cref="IUsageTotals"/> over <c>usage_events</c> and <c>storage_samples</c>. Rows are read by the
/// (tenant, metric, event_time) index and folded by <see cref="UsageAggregator"/> in exact decimals.
/// </summary>
internal sealed class UsageTotals(PlatformDbContext db, EavDialect dialect) : IUsageTotals
{
    public async Task<IReadOnlyList<MetricUsage>> TotalsAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<MeteredMetric> metrics,
        CancellationToken ct)
    {
        var usage = new List<MetricUsage>();
        foreach (var metric in metrics)
        {
            var w = new SqlWriter().Append("SELECT quantity, event_time, idempotency_key, properties FROM usage_events WHERE tenant_id = ").Value(Text(tenantId))
                .Append(" AND metric = ").Value(Text(metric.Metric))
                .Append(" AND event_time >= ").Value(Micros(from)).Append(" AND event_time < ").Value(Micros(to));
            var points = new List<UsagePoint>();
            await using var command = await EavCommands.CreateAsync(db, w.ToSql(), dialect, ct);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var unique = metric.UniqueProperty is { } property && !reader.IsDBNull(3) ? PropertyValue(reader.GetString(3), property) : null;
                points.Add(new UsagePoint(decimal.Parse(reader.GetString(0), NumberStyles.Number, CultureInfo.InvariantCulture),
                    UsageTime.FromMicros(reader.GetInt64(1)), reader.GetString(2), unique));
            }

            usage.Add(new MetricUsage(metric.Metric, UsageAggregator.Aggregate(metric.Aggregation, points)));
        }

        return usage;
    }

    public async Task<(long BytesAtStart, IReadOnlyList<StorageSample> Samples)> StorageAsync(string tenantId, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        var before = new SqlWriter().Append("SELECT bytes FROM storage_samples WHERE tenant_id = ").Value(Text(tenantId))
            .Append(" AND sample_time <= ").Value(Micros(from)).Append(" ORDER BY sample_time DESC LIMIT 1");
        long atStart;
        await using (var command = await EavCommands.CreateAsync(db, before.ToSql(), dialect, ct))
        {
            atStart = await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0L;
        }

        var during = new SqlWriter().Append("SELECT sample_time, bytes FROM storage_samples WHERE tenant_id = ").Value(Text(tenantId))
            .Append(" AND sample_time > ").Value(Micros(from)).Append(" AND sample_time < ").Value(Micros(to)).Append(" ORDER BY sample_time");
        var samples = new List<StorageSample>();
        await using (var command = await EavCommands.CreateAsync(db, during.ToSql(), dialect, ct))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                samples.Add(new StorageSample(UsageTime.FromMicros(reader.GetInt64(0)), reader.GetInt64(1)));
            }
        }

        return (atStart, samples);
    }

    /// <summary>A property's value as text, for unique counts; properties are a flat JSON object.</summary>
    private static string? PropertyValue(string json, string property)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
    }

    private static SqlValue Text(string value) => new(value, SqlArgumentType.Text);

    private static SqlValue Micros(DateTimeOffset time) => new(UsageTime.ToMicros(time), SqlArgumentType.Int64);
}
