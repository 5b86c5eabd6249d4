using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions;
using Platform.Domain.Access;

namespace Platform.Infrastructure.Persistence.Repositories;

internal sealed class ApiKeyRepository(PlatformDbContext db) : IApiKeyRepository
{
    public Task<ApiKey?> FindAsync(string? tenantId, string id, CancellationToken ct) =>
        db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.TenantId == tenantId, ct);

    // Authentication runs before the call's tenant is known: deliberately unfiltered.
    public Task<ApiKey?> FindByPrefixAsync(string keyPrefix, CancellationToken ct) =>
        db.ApiKeys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.KeyPrefix == keyPrefix, ct);

    public Task<bool> AnyOperatorKeyAsync(CancellationToken ct) =>
        db.ApiKeys.IgnoreQueryFilters().AnyAsync(k => k.TenantId == null, ct);

    public void Add(ApiKey key) => db.ApiKeys.Add(key);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string? tenantId, DateTime? afterCreateTime, string? afterId, int limit, CancellationToken ct)
    {
        var q = db.ApiKeys.AsNoTracking().Where(k => k.TenantId == tenantId);
        if (afterCreateTime is { } t && afterId is { } id)
        {
            q = q.Where(k => k.CreateTime < t || (k.CreateTime == t && k.Id.CompareTo(id) < 0));
        }

        return await q.OrderByDescending(k => k.CreateTime).ThenByDescending(k => k.Id).Take(limit).ToListAsync(ct);
    }

    public async Task SetLastUsedAsync(IReadOnlyDictionary<string, DateTime> lastUsedById, CancellationToken ct)
    {
        // One transaction: a single commit per flush however many keys were used.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (id, time) in lastUsedById)
        {
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == id && (k.LastUsedTime == null || k.LastUsedTime < time))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedTime, time), ct);
        }

        await tx.CommitAsync(ct);
    }
}
