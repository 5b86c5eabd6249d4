using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Abstractions.Eav;

/// <summary>
/// Entities and their revisions in the one entities table (docs/adr/0006). Every method is scoped
/// to one tenant and type; writes run on the unit of work's connection, so inside
/// <see cref="IUnitOfWork.InTransactionAsync{T}"/> they commit or roll back with the rest.
/// </summary>
public interface IEntityStore
{
    /// <summary>The entity, deleted or not; null when there is none.</summary>
    Task<Entity?> FindAsync(EntityType type, string id, CancellationToken ct);

    /// <summary>Those of <paramref name="ids"/> that exist (deleted ones too), in no particular order.</summary>
    Task<IReadOnlyList<Entity>> FindManyAsync(EntityType type, IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>Those of <paramref name="ids"/> that are live entities of type <paramref name="typeId"/>.</summary>
    Task<IReadOnlySet<string>> LiveIdsAsync(string tenantId, string typeId, IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>The live entity holding <paramref name="value"/> in <paramref name="attribute"/>, if any.</summary>
    Task<string?> FindByValueAsync(EntityType type, AttributeDefinition attribute, AttributeValue value, CancellationToken ct);

    /// <summary>Inserts a new entity with its first revision.</summary>
    Task<EntityWrite> InsertAsync(EntityType type, Entity entity, EntityRevision revision, CancellationToken ct);

    /// <summary>Inserts several new entities with their first revisions in one statement each.</summary>
    Task<EntityWrite> InsertManyAsync(EntityType type, IReadOnlyList<(Entity Entity, EntityRevision Revision)> items, CancellationToken ct);

    /// <summary>
    /// Writes the entity's new state and revision if the stored version is still
    /// <paramref name="expectedVersion"/>; <see cref="EntityWriteStatus.Conflict"/> otherwise.
    /// </summary>
    Task<EntityWrite> UpdateAsync(EntityType type, Entity entity, long expectedVersion, EntityRevision revision, CancellationToken ct);

    /// <summary>One page; ask for page size + 1 rows to learn whether another page exists.</summary>
    Task<IReadOnlyList<Entity>> ListAsync(EntityType type, EavListQuery query, CancellationToken ct);

    /// <summary>
    /// How many entities match: exact up to <paramref name="exactUpTo"/>, the database's
    /// estimate above it.
    /// </summary>
    Task<EntityCount> CountAsync(EntityType type, BoundFilter? filter, bool includeDeleted, long exactUpTo, CancellationToken ct);

    /// <summary>Every matching entity ordered by id, read in chunks (keyset) so memory stays flat.</summary>
    IAsyncEnumerable<Entity> StreamAsync(EntityType type, BoundFilter? filter, bool includeDeleted, CancellationToken ct);

    /// <summary>
    /// The live entities an existing-data check finds: how many and the ids of the first
    /// <paramref name="sample"/>. Pattern checks are confirmed in memory (SQL cannot run .NET regexes).
    /// </summary>
    Task<(long Count, IReadOnlyList<string> Sample)> FindViolationsAsync(EntityType type, ExistingDataQuery query, int sample, CancellationToken ct);

    /// <summary>Live entities of the type.</summary>
    Task<long> CountLiveAsync(string tenantId, string typeId, CancellationToken ct);

    /// <summary>Deletes every entity and revision of the type (its type is being deleted); returns (live entities, their bytes).</summary>
    Task<(long Entities, long Bytes)> PurgeTypeAsync(EntityType type, CancellationToken ct);

    /// <summary>Revisions newest first, with versions below <paramref name="beforeVersion"/> when given.</summary>
    Task<IReadOnlyList<EntityRevision>> ListRevisionsAsync(EntityType type, string entityId, long? beforeVersion, int limit, CancellationToken ct);

    Task<EntityRevision?> FindRevisionAsync(EntityType type, string entityId, long version, CancellationToken ct);
}

public enum EntityWriteStatus
{
    Written,
    /// <summary>An entity with that id exists (insert), or the version moved on (update).</summary>
    Conflict,
    /// <summary>A live entity already holds a unique value; <see cref="EntityWrite.Attribute"/> names the attribute.</summary>
    UniqueTaken,
}

public readonly record struct EntityWrite(EntityWriteStatus Status, string? Attribute = null)
{
    public static EntityWrite Written => new(EntityWriteStatus.Written);
}

public readonly record struct EntityCount(long Value, bool IsEstimate);
