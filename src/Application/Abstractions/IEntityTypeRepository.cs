using Platform.Domain.Eav;

namespace Platform.Application.Abstractions;

public interface IEntityTypeRepository
{
    Task<EntityType?> FindAsync(string tenantId, string id, CancellationToken ct);

    /// <summary>
    /// An untracked snapshot for reading and validating entities: served from a cache, but only
    /// after a one-column check that the stored type is still the same revision, so it is never stale.
    /// Never modify it.
    /// </summary>
    Task<EntityType?> FindCurrentAsync(string tenantId, string id, CancellationToken ct);

    /// <summary>Ordered by id, after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<EntityType>> ListAsync(string tenantId, string? afterId, int limit, CancellationToken ct);

    void Add(EntityType type);

    void Remove(EntityType type);
}
