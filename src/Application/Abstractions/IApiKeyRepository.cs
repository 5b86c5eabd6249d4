using Platform.Domain.Access;

namespace Platform.Application.Abstractions;

public interface IApiKeyRepository
{
    /// <summary>Finds a key by id within the tenant (null: operator keys).</summary>
    Task<ApiKey?> FindAsync(string? tenantId, string id, CancellationToken ct);

    /// <summary>Finds a key by its lookup prefix, across tenants (authentication).</summary>
    Task<ApiKey?> FindByPrefixAsync(string keyPrefix, CancellationToken ct);

    Task<bool> AnyOperatorKeyAsync(CancellationToken ct);

    void Add(ApiKey key);

    /// <summary>Newest first, keyset after (<paramref name="afterCreateTime"/>, <paramref name="afterId"/>).</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(string? tenantId, DateTime? afterCreateTime, string? afterId, int limit, CancellationToken ct);

    /// <summary>Records last-used times collected in memory, in one batch.</summary>
    Task SetLastUsedAsync(IReadOnlyDictionary<string, DateTime> lastUsedById, CancellationToken ct);
}
