using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Quota;
using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Quota;

namespace Platform.Application.Eav.Entities;

/// <summary>
/// Saves a change already applied to a loaded entity (update, delete, undelete, restore): the
/// new state only if nobody changed it since it was read, its revision, and the counter deltas,
/// in one transaction.
/// </summary>
internal sealed class EntityChanger(IEntityStore store, Allocations allocations, Abstractions.Outbox.IOutbox outbox)
{
    /// <param name="liveDelta">+1 when the change brings the entity back, -1 when it deletes it.</param>
    public async Task<Result<Entity>> SaveAsync(EntityType type, Entity entity, long readVersion, long bytesBefore, int liveDelta,
        EntityRevision revision, CancellationToken ct)
    {
        var bytesAfter = entity.IsDeleted ? 0 : entity.StorageBytes;
        var result = await allocations.WithCountersAsync(type.TenantId, [(Metrics.Entities, liveDelta), (Metrics.StorageBytes, bytesAfter - bytesBefore)],
            async token =>
            {
                var write = await store.UpdateAsync(type, entity, readVersion, revision, token);
                if (write.Status != EntityWriteStatus.Written)
                {
                    return Result<Entity>.Failure(EntityChecks.Refused(write, entity));
                }

                await outbox.EnqueueAsync([EntityEvents.ChangedMessage(type, [entity.Id])], token);
                return entity;
            }, ct);
        if (result.IsSuccess)
        {
            outbox.Wake();
        }

        return result;
    }
}
