using Platform.Application.Abstractions.Outbox;
using Platform.Application.Billing;
using Platform.Domain.Billing;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Sql;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// Writes a host's flushed API call count as one <c>api_calls</c> usage event. The event's key comes
/// from the message, so a redelivery hits the primary key and writes nothing.
/// </summary>
internal sealed class ApiCallsSubscriber(PlatformDbContext db, EavDialect dialect, TimeProvider clock) : IOutboxSubscriber
{
    public string Topic => ApiCallsPayload.Topic;

    public async Task HandleAsync(OutboxDelivery message, CancellationToken ct)
    {
        var payload = ApiCallsPayload.Read(message.Payload);
        var tenantId = message.TenantId ?? throw new InvalidOperationException("An api_calls message has no tenant.");
        var e = new UsageEvent(BillableMetrics.ApiCalls, payload.Count, new DateTimeOffset(payload.Ticks / 10 * 10, TimeSpan.Zero), payload.Key,
            new Dictionary<string, string>());
        await UsageRecorder.InsertAsync(db, dialect, tenantId, [e], clock.GetUtcNow(), ct);
    }
}

/// <summary>Writes a storage level sample; the (tenant, time) key makes a redelivery write nothing.</summary>
internal sealed class StorageSampleSubscriber(PlatformDbContext db, EavDialect dialect) : IOutboxSubscriber
{
    public string Topic => StorageSamples.Topic;

    public async Task HandleAsync(OutboxDelivery message, CancellationToken ct)
    {
        var payload = StorageSamples.Read(message.Payload);
        var tenantId = message.TenantId ?? throw new InvalidOperationException("A storage sample message has no tenant.");
        var w = new SqlWriter().Append("INSERT INTO storage_samples (tenant_id, sample_time, bytes) VALUES (")
            .Value(new SqlValue(tenantId, SqlArgumentType.Text)).Append(", ")
            .Value(new SqlValue(UsageTime.ToMicros(new DateTimeOffset(payload.Ticks, TimeSpan.Zero)), SqlArgumentType.Int64)).Append(", ")
            .Value(new SqlValue(payload.Bytes, SqlArgumentType.Int64))
            .Append(") ON CONFLICT (tenant_id, sample_time) DO NOTHING");
        await using var command = await EavCommands.CreateAsync(db, w.ToSql(), dialect, ct);
        await command.ExecuteNonQueryAsync(ct);
    }
}
