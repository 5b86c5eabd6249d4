using Platform.Domain.Eav;

namespace Platform.Application.Abstractions;

public interface IEntityTypeRepository
{
    Task<EntityType?> FindAsync(string tenantId, string id, CancellationToken ct);

    /// <summary>Ordered by id, after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<EntityType>> ListAsync(string tenantId, string? afterId, int limit, CancellationToken ct);

    void Add(EntityType type);

    void Remove(EntityType type);
}
