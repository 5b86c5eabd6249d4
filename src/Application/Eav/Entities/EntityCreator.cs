using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Quota;
using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Quota;

namespace Platform.Application.Eav.Entities;

/// <summary>One validated entity to create: its id and canonical attributes.</summary>
internal sealed record NewEntity(string Id, AttributeMap Attributes);

/// <summary>
/// Creates entities with their first revisions, counting them against the <c>entities</c> and
/// <c>storage_bytes</c> limits, in one transaction with whatever else the scope tracks (an
/// idempotency record): all of it commits or none of it does.
/// </summary>
internal sealed class EntityCreator(IEntityStore store, Allocations allocations, IUnitOfWork unitOfWork, Abstractions.Outbox.IOutbox outbox)
{
    /// <param name="prefixOf">The field prefix for the item at an index, e.g. <c>requests[3].entity.</c>.</param>
    public async Task<Result<IReadOnlyList<Entity>>> CreateAsync(EntityType type, IReadOnlyList<NewEntity> items, RevisionContext context,
        Func<int, string> prefixOf, CancellationToken ct)
    {
        if (CheckBatch(type, items, prefixOf) is { } clash)
        {
            return clash;
        }

        var created = items.Select(i => Entity.Create(type, i.Id, i.Attributes, context)).ToList();
        var existing = await store.FindManyAsync(type, items.Select(i => i.Id).ToList(), ct);
        if (existing.Count > 0)
        {
            return Error.AlreadyExists(existing[0].ResourceName);
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (await EntityChecks.CheckAsync(store, type, items[i].Id, items[i].Attributes, ct, prefixOf(i)) is { } invalid)
            {
                return invalid;
            }
        }

        var bytes = created.Sum(c => c.Entity.StorageBytes);
        var result = await allocations.WithCountersAsync<IReadOnlyList<Entity>>(type.TenantId, [(Metrics.Entities, created.Count), (Metrics.StorageBytes, bytes)],
            async token =>
            {
                var write = await store.InsertManyAsync(type, created, token);
                if (write.Status != EntityWriteStatus.Written)
                {
                    return EntityChecks.Refused(write, created[0].Entity, items.Count == 1 ? prefixOf(0) : "");
                }

                await outbox.EnqueueAsync([EntityEvents.ChangedMessage(type, created.Select(c => c.Entity.Id))], token);
                var saved = await unitOfWork.SaveChangesAsync(token);
                return saved.Status == SaveStatus.Saved
                    ? created.Select(c => c.Entity).ToList()
                    : Error.ConcurrentModification(type.ResourceName);
            }, ct);
        if (result.IsSuccess)
        {
            outbox.Wake();
        }

        return result;
    }

    /// <summary>Ids and unique values must not repeat within one batch either.</summary>
    private static Error? CheckBatch(EntityType type, IReadOnlyList<NewEntity> items, Func<int, string> prefixOf)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var unique = type.VisibleAttributes.Where(a => a.Unique).ToList();
        var seen = unique.ToDictionary(a => a.Key, _ => new HashSet<Domain.Eav.Values.AttributeValue>());
        for (var i = 0; i < items.Count; i++)
        {
            if (!ids.Add(items[i].Id))
            {
                return Error.Validation($"{prefixOf(i)}name", $"repeats the id '{items[i].Id}' of an earlier entity in the batch");
            }

            foreach (var attribute in unique)
            {
                if (items[i].Attributes.Get(attribute.Key) is { } value && !seen[attribute.Key].Add(value))
                {
                    return EntityChecks.UniqueTaken(attribute.Key, value, prefixOf(i));
                }
            }
        }

        return null;
    }
}
