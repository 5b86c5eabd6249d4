using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions;
using Platform.Domain.Audit;

namespace Platform.Infrastructure.Persistence.Repositories;

internal sealed class AuditRepository(PlatformDbContext db) : IAuditRepository
{
    public Task<AuditEvent?> FindAsync(string? tenantId, string id, CancellationToken ct) =>
        db.AuditEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.TenantId == tenantId, ct);

    public async Task<IReadOnlyList<AuditEvent>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        var q = db.AuditEvents.AsNoTracking();
        q = query.Scope switch
        {
            AuditScope.Tenant => q.Where(e => e.TenantId == query.TenantId),
            AuditScope.Platform => q.Where(e => e.TenantId == null),
            _ => q.Where(e => e.TenantId != null),
        };
        foreach (var term in query.Filter)
        {
            q = Apply(q, term);
        }

        if (query.Before is var (time, id))
        {
            q = q.Where(e => e.EventTime < time || (e.EventTime == time && e.Id.CompareTo(id) < 0));
        }

        return await q.OrderByDescending(e => e.EventTime).ThenByDescending(e => e.Id).Take(query.Limit).ToListAsync(ct);
    }

    private static IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> q, AuditFilterTerm t)
    {
        if (t.Field == "event_time")
        {
            var time = DateTime.Parse(t.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            return t.Operator switch
            {
                ">=" => q.Where(e => e.EventTime >= time),
                ">" => q.Where(e => e.EventTime > time),
                "<=" => q.Where(e => e.EventTime <= time),
                _ => q.Where(e => e.EventTime < time),
            };
        }

        var equal = t.Operator == "=";
        return t.Field switch
        {
            "principal" => equal ? q.Where(e => e.Principal == t.Value) : q.Where(e => e.Principal != t.Value),
            "method" => equal ? q.Where(e => e.Method == t.Value) : q.Where(e => e.Method != t.Value),
            _ => equal ? q.Where(e => e.Outcome == t.Value) : q.Where(e => e.Outcome != t.Value),
        };
    }
}
