using Platform.Domain.Access;

namespace Platform.Application.Abstractions;

public interface IRoleRepository
{
    Task<Role?> FindAsync(string tenantId, string id, CancellationToken ct);

    Task<IReadOnlyList<Role>> FindManyAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken ct);

    void Add(Role role);

    void Remove(Role role);

    /// <summary>Ordered by id, after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<Role>> ListAsync(string tenantId, string? afterId, int limit, CancellationToken ct);

    /// <summary>Whether any live API key or member of the tenant still has the role.</summary>
    Task<bool> IsGrantedAsync(string tenantId, string roleId, CancellationToken ct);
}
