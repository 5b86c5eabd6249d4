using System.Text.Json;
using Platform.Application.Abstractions.Outbox;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

/// <summary>
/// <c>entity.changed</c>: written to the outbox in the transaction of every entity write, so
/// search indexing (and later webhooks) see every change exactly as committed. The payload names
/// the entities only; handlers read their current state, so redelivery and reordering are harmless.
/// </summary>
public static class EntityEvents
{
    public const string Changed = "entity.changed";

    public static OutboxMessage ChangedMessage(EntityType type, IEnumerable<string> ids) =>
        new(type.TenantId, Changed, JsonSerializer.Serialize(new ChangedPayload(type.Id, [.. ids])));

    public static ChangedPayload? Read(string payload) => JsonSerializer.Deserialize<ChangedPayload>(payload);

    public sealed record ChangedPayload(string Type, IReadOnlyList<string> Ids);
}
