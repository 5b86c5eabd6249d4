using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Platform.Application.Abstractions;
using Platform.Domain.Eav;

namespace Platform.Infrastructure.Persistence.Repositories;

internal sealed class EntityTypeRepository(PlatformDbContext db, IMemoryCache cache) : IEntityTypeRepository
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    public Task<EntityType?> FindAsync(string tenantId, string id, CancellationToken ct) =>
        db.EntityTypes.FirstOrDefaultAsync(t => t.TenantId == tenantId && t.Id == id, ct);

    public async Task<EntityType?> FindCurrentAsync(string tenantId, string id, CancellationToken ct)
    {
        // (revision, create time) identifies a schema: a type deleted and created again restarts at revision 1.
        var stamp = await db.EntityTypes.AsNoTracking().Where(t => t.TenantId == tenantId && t.Id == id)
            .Select(t => new { t.Revision, t.CreateTime }).FirstOrDefaultAsync(ct);
        if (stamp is null)
        {
            return null;
        }

        var key = ("entityType", tenantId, id);
        if (cache.TryGetValue(key, out EntityType? cached) && cached!.Revision == stamp.Revision && cached.CreateTime == stamp.CreateTime)
        {
            return cached;
        }

        var type = await db.EntityTypes.AsNoTracking().FirstOrDefaultAsync(t => t.TenantId == tenantId && t.Id == id, ct);
        if (type is not null)
        {
            cache.Set(key, type, Keep);
        }

        return type;
    }

    public async Task<IReadOnlyList<EntityType>> ListAsync(string tenantId, string? afterId, int limit, CancellationToken ct)
    {
        var q = db.EntityTypes.AsNoTracking().Where(t => t.TenantId == tenantId);
        if (afterId is not null)
        {
            q = q.Where(t => t.Id.CompareTo(afterId) > 0);
        }

        return await q.OrderBy(t => t.Id).Take(limit).ToListAsync(ct);
    }

    public void Add(EntityType type) => db.EntityTypes.Add(type);

    public void Remove(EntityType type) => db.EntityTypes.Remove(type);
}
