using Platform.Domain.Tenancy;

namespace Platform.Application.Abstractions;

/// <summary>
/// Cached, read-only view of tenants for the hot path (tenant resolution, GetTenant): O(1) per call
/// for any number of tenants. Entries are invalidated on this host when a tenant changes and
/// expire after a few seconds everywhere else.
/// </summary>
public interface ITenantDirectory
{
    /// <summary>The tenant in any state, or null. The returned object must not be modified.</summary>
    ValueTask<Tenant?> FindAsync(TenantId id, CancellationToken ct);

    /// <summary>The tenant id that owns a subdomain, or null.</summary>
    ValueTask<string?> FindBySubdomainAsync(string subdomain, CancellationToken ct);

    /// <summary>The tenant id whose verified custom domain is <paramref name="host"/>, or null.</summary>
    ValueTask<string?> FindByVerifiedDomainAsync(string host, CancellationToken ct);

    void Invalidate(string tenantId);
}
