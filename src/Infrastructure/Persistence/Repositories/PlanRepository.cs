using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions;
using Platform.Domain.Quota;

namespace Platform.Infrastructure.Persistence.Repositories;

internal sealed class PlanRepository(PlatformDbContext db) : IPlanRepository
{
    public Task<Plan?> FindAsync(string id, CancellationToken ct) => db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<IReadOnlyList<Plan>> ListAsync(string? afterId, int limit, CancellationToken ct)
    {
        var q = db.Plans.AsNoTracking();
        if (afterId is not null)
        {
            q = q.Where(p => p.Id.CompareTo(afterId) > 0);
        }

        return await q.OrderBy(p => p.Id).Take(limit).ToListAsync(ct);
    }

    public Task<bool> IsInUseAsync(string id, CancellationToken ct) => db.Tenants.AnyAsync(t => t.PlanId == id, ct);

    public void Add(Plan plan) => db.Plans.Add(plan);

    public void Remove(Plan plan) => db.Plans.Remove(plan);
}
