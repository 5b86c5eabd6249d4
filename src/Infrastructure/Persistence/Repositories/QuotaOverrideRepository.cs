using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions.Quota;
using Platform.Domain.Quota;

namespace Platform.Infrastructure.Persistence.Repositories;

internal sealed class QuotaOverrideRepository(PlatformDbContext db) : IQuotaOverrideRepository
{
    public async Task<IReadOnlyList<QuotaOverride>> ListAsync(string tenantId, CancellationToken ct) =>
        await db.QuotaOverrides.AsNoTracking().Where(o => o.TenantId == tenantId).ToListAsync(ct);

    public async Task SetAsync(QuotaOverride value, CancellationToken ct)
    {
        var existing = await db.QuotaOverrides.FirstOrDefaultAsync(o => o.TenantId == value.TenantId && o.LimitId == value.LimitId, ct);
        if (existing is null)
        {
            db.QuotaOverrides.Add(value);
        }
        else
        {
            db.Entry(existing).CurrentValues.SetValues(value);
        }
    }

    public async Task<bool> RemoveAsync(string tenantId, string limitId, CancellationToken ct) =>
        await db.QuotaOverrides.Where(o => o.TenantId == tenantId && o.LimitId == limitId).ExecuteDeleteAsync(ct) > 0;
}
