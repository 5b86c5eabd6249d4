using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions;
using Platform.Domain.Eav;

namespace Platform.Infrastructure.Persistence.Repositories;

internal sealed class EntityTypeRepository(PlatformDbContext db) : IEntityTypeRepository
{
    public Task<EntityType?> FindAsync(string tenantId, string id, CancellationToken ct) =>
        db.EntityTypes.FirstOrDefaultAsync(t => t.TenantId == tenantId && t.Id == id, ct);

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
