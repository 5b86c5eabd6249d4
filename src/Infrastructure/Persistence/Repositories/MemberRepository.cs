using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions;
using Platform.Domain.Access;

namespace Platform.Infrastructure.Persistence.Repositories;

internal sealed class MemberRepository(PlatformDbContext db) : IMemberRepository
{
    public Task<Member?> FindAsync(string tenantId, string id, CancellationToken ct) =>
        db.Members.FirstOrDefaultAsync(m => m.TenantId == tenantId && m.Id == id, ct);

    public async Task<Member?> FindBySubjectAsync(string tenantId, string issuer, string subject, CancellationToken ct)
    {
        // An issuer-specific binding wins over an any-issuer one.
        var candidates = await db.Members.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.Subject == subject && (m.Issuer == issuer || m.Issuer == ""))
            .ToListAsync(ct);
        return candidates.OrderByDescending(m => m.Issuer.Length).FirstOrDefault();
    }

    public void Add(Member member) => db.Members.Add(member);

    public void Remove(Member member) => db.Members.Remove(member);

    public async Task<IReadOnlyList<Member>> ListAsync(string tenantId, DateTime? afterCreateTime, string? afterId, int limit, CancellationToken ct)
    {
        var q = db.Members.AsNoTracking().Where(m => m.TenantId == tenantId);
        if (afterCreateTime is { } t && afterId is { } id)
        {
            q = q.Where(m => m.CreateTime > t || (m.CreateTime == t && m.Id.CompareTo(id) > 0));
        }

        return await q.OrderBy(m => m.CreateTime).ThenBy(m => m.Id).Take(limit).ToListAsync(ct);
    }
}
