using System.Text.Json;
using Platform.Application.Abstractions.Outbox;

namespace Platform.Application.Billing;

/// <summary>The outbox messages that carry metering to the usage store (handled in Infrastructure/Billing).</summary>
public static class StorageSamples
{
    public const string Topic = "usage.storage_sample";

    /// <summary>The tenant's storage level after a change, at <paramref name="time"/>.</summary>
    public static OutboxMessage Message(string tenantId, DateTimeOffset time, long bytes) =>
        new(tenantId, Topic, JsonSerializer.Serialize(new StorageSamplePayload(time.UtcTicks, bytes)));

    public static StorageSamplePayload Read(string payload) =>
        JsonSerializer.Deserialize<StorageSamplePayload>(payload) ?? throw new JsonException("Empty storage sample payload.");
}

/// <param name="Ticks">UTC ticks of the change.</param>
public sealed record StorageSamplePayload(long Ticks, long Bytes);

/// <summary>One host's API call count for one tenant over one flush interval.</summary>
/// <param name="Key">Deterministic per (host instance, flush): a redelivered message writes nothing new.</param>
public sealed record ApiCallsPayload(string Key, long Count, long Ticks)
{
    public const string Topic = "usage.api_calls";

    public OutboxMessage ToMessage(string tenantId) => new(tenantId, Topic, JsonSerializer.Serialize(this));

    public static ApiCallsPayload Read(string payload) =>
        JsonSerializer.Deserialize<ApiCallsPayload>(payload) ?? throw new JsonException("Empty api_calls payload.");
}
