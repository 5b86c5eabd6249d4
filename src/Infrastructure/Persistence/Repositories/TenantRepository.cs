using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions;
using Platform.Domain.Tenancy;
using Platform.Infrastructure.Persistence.Configurations;

namespace Platform.Infrastructure.Persistence.Repositories;

internal sealed class TenantRepository(PlatformDbContext db) : ITenantRepository
{
    public Task<Tenant?> FindAsync(TenantId id, CancellationToken ct) =>
        db.Tenants.FirstOrDefaultAsync(t => EF.Property<string>(t, TenantConfiguration.Key) == id.Value, ct);

    public Task<bool> IsSubdomainTakenAsync(string subdomain, TenantId except, CancellationToken ct) =>
        db.Tenants.AnyAsync(t => t.Subdomain == subdomain && EF.Property<string>(t, TenantConfiguration.Key) != except.Value, ct);

    public Task<string?> FindVerifiedDomainOwnerAsync(string domain, CancellationToken ct)
    {
        var needle = $"|{domain}|";
        return db.Tenants.Where(t => t.VerifiedDomains.Contains(needle))
            .Select(t => EF.Property<string>(t, TenantConfiguration.Key)).FirstOrDefaultAsync(ct);
    }

    public void Add(Tenant tenant) => db.Tenants.Add(tenant);

    public async Task<IReadOnlyList<Tenant>> ListAsync(TenantListSpec spec, CancellationToken ct)
    {
        var q = db.Tenants.AsNoTracking();
        q = spec.ShowDeleted
            ? q.Where(t => t.State != TenantState.Deleted || t.PurgeTime > spec.Now)
            : q.Where(t => t.State != TenantState.Deleted);
        foreach (var term in spec.Filter)
        {
            q = (term.Field, term.Negated) switch
            {
                (TenantFilterField.State, false) => q.Where(t => (int)t.State == term.Value),
                (TenantFilterField.State, true) => q.Where(t => (int)t.State != term.Value),
                (TenantFilterField.Tier, false) => q.Where(t => (int)t.Tier == term.Value),
                _ => q.Where(t => (int)t.Tier != term.Value),
            };
        }

        if (spec.After is { } after)
        {
            q = spec.Descending
                ? q.Where(t => t.CreateTime < after.CreateTime ||
                    (t.CreateTime == after.CreateTime && EF.Property<string>(t, TenantConfiguration.Key).CompareTo(after.Id) < 0))
                : q.Where(t => t.CreateTime > after.CreateTime ||
                    (t.CreateTime == after.CreateTime && EF.Property<string>(t, TenantConfiguration.Key).CompareTo(after.Id) > 0));
        }

        q = spec.Descending
            ? q.OrderByDescending(t => t.CreateTime).ThenByDescending(t => EF.Property<string>(t, TenantConfiguration.Key))
            : q.OrderBy(t => t.CreateTime).ThenBy(t => EF.Property<string>(t, TenantConfiguration.Key));
        return await q.Take(spec.Limit).ToListAsync(ct);
    }
}
