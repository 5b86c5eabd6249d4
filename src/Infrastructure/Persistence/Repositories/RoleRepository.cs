using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions;
using Platform.Domain.Access;

namespace Platform.Infrastructure.Persistence.Repositories;

internal sealed class RoleRepository(PlatformDbContext db) : IRoleRepository
{
    public Task<Role?> FindAsync(string tenantId, string id, CancellationToken ct) =>
        db.Roles.FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Id == id, ct);

    public async Task<IReadOnlyList<Role>> FindManyAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        await db.Roles.IgnoreQueryFilters().AsNoTracking().Where(r => r.TenantId == tenantId && ids.Contains(r.Id)).ToListAsync(ct);

    public void Add(Role role) => db.Roles.Add(role);

    public void Remove(Role role) => db.Roles.Remove(role);

    public async Task<IReadOnlyList<Role>> ListAsync(string tenantId, string? afterId, int limit, CancellationToken ct)
    {
        var q = db.Roles.AsNoTracking().Where(r => r.TenantId == tenantId);
        if (afterId is not null)
        {
            q = q.Where(r => r.Id.CompareTo(afterId) > 0);
        }

        return await q.OrderBy(r => r.Id).Take(limit).ToListAsync(ct);
    }

    public async Task<bool> IsGrantedAsync(string tenantId, string roleId, CancellationToken ct)
    {
        // Role lists are small JSON documents; comparing in memory keeps one query shape for both providers.
        var keys = await db.ApiKeys.IgnoreQueryFilters().Where(k => k.TenantId == tenantId && k.RevokeTime == null)
            .Select(k => k.Roles).ToListAsync(ct);
        if (keys.Any(r => r.Contains(roleId)))
        {
            return true;
        }

        var members = await db.Members.IgnoreQueryFilters().Where(m => m.TenantId == tenantId).Select(m => m.Roles).ToListAsync(ct);
        return members.Any(r => r.Contains(roleId));
    }
}
