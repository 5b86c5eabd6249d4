using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions;
using Platform.Domain.Tenancy;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Persistence.Configurations;

namespace Platform.Infrastructure.Security;

/// <summary>
/// The cached tenant directory: one memory lookup per call for any number of tenants. Misses
/// read one row untracked; host lookups are verified against the tenant they point to, so a
/// stale host entry can never resolve to the wrong tenant.
/// </summary>
internal sealed class TenantDirectory(IServiceScopeFactory scopes, IMemoryCache cache, CacheOptions options) : ITenantDirectory
{
    public async ValueTask<Tenant?> FindAsync(TenantId id, CancellationToken ct)
    {
        if (cache.TryGetValue(("tenant", id.Value), out Tenant? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => EF.Property<string>(t, TenantConfiguration.Key) == id.Value, ct);
        cache.Set(("tenant", id.Value), tenant, options.Ttl);
        return tenant;
    }

    public async ValueTask<string?> FindBySubdomainAsync(string subdomain, CancellationToken ct)
    {
        var id = await HostLookupAsync(("subdomain", subdomain), db =>
            db.Tenants.Where(t => t.Subdomain == subdomain).Select(t => EF.Property<string>(t, TenantConfiguration.Key)).FirstOrDefaultAsync(ct));
        return id is not null && (await FindAsync(TenantId.FromTrusted(id), ct))?.Subdomain == subdomain ? id : null;
    }

    public async ValueTask<string?> FindByVerifiedDomainAsync(string host, CancellationToken ct)
    {
        var needle = $"|{host}|";
        var id = await HostLookupAsync(("domain", host), db => db.Tenants
            .Where(t => t.VerifiedDomains.Contains(needle) && t.State != TenantState.Deleted)
            .Select(t => EF.Property<string>(t, TenantConfiguration.Key)).FirstOrDefaultAsync(ct));
        if (id is null)
        {
            return null;
        }

        var tenant = await FindAsync(TenantId.FromTrusted(id), ct);
        return tenant?.CustomDomains.Any(d => d.Domain == host && d.Verified) == true ? id : null;
    }

    public void Invalidate(string tenantId) => cache.Remove(("tenant", tenantId));

    /// <summary>Also drops the host entries the tenant's current names may have cached as misses.</summary>
    public void Invalidate(Tenant tenant)
    {
        Invalidate(tenant.Id.Value);
        cache.Remove(("subdomain", tenant.Subdomain));
        foreach (var domain in tenant.CustomDomains)
        {
            cache.Remove(("domain", domain.Domain));
        }
    }

    private async ValueTask<string?> HostLookupAsync((string, string) key, Func<PlatformDbContext, Task<string?>> query)
    {
        if (cache.TryGetValue(key, out string? id))
        {
            return id;
        }

        await using var scope = scopes.CreateAsyncScope();
        id = await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
        cache.Set(key, id, options.Ttl);
        return id;
    }
}
