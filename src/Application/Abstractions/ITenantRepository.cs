using Platform.Domain.Tenancy;

namespace Platform.Application.Abstractions;

public interface ITenantRepository
{
    /// <summary>Finds a tenant in any state (tracked for update).</summary>
    Task<Tenant?> FindAsync(TenantId id, CancellationToken ct);

    Task<bool> IsSubdomainTakenAsync(string subdomain, TenantId except, CancellationToken ct);

    /// <summary>Which tenant has verified <paramref name="domain"/>, read from the database (ownership is never decided from a cache).</summary>
    Task<string?> FindVerifiedDomainOwnerAsync(string domain, CancellationToken ct);

    void Add(Tenant tenant);

    /// <summary>One keyset page, ordered by (create_time, id), <paramref name="spec"/>.Limit rows at most.</summary>
    Task<IReadOnlyList<Tenant>> ListAsync(TenantListSpec spec, CancellationToken ct);
}

/// <param name="After">Keyset cursor: rows strictly after it in the requested order.</param>
/// <param name="Now">Tenants past their purge time are never listed.</param>
public sealed record TenantListSpec(
    IReadOnlyList<TenantFilterTerm> Filter,
    bool Descending,
    bool ShowDeleted,
    TenantCursor? After,
    int Limit,
    DateTime Now);

public sealed record TenantCursor(DateTime CreateTime, string Id);

/// <summary>One comparison of the ListTenants filter: state or tier, equal or not equal.</summary>
public sealed record TenantFilterTerm(TenantFilterField Field, bool Negated, int Value);

public enum TenantFilterField
{
    State,
    Tier,
}
