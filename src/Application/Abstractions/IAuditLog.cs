using Platform.Domain.Audit;

namespace Platform.Application.Abstractions;

/// <summary>
/// Write side of the audit log: records are queued and written in batches off the request path,
/// so auditing adds no database round trip to a call.
/// </summary>
public interface IAuditLog
{
    void Record(AuditEvent auditEvent);
}

/// <summary>Read side of the audit log.</summary>
public interface IAuditRepository
{
    Task<AuditEvent?> FindAsync(string? tenantId, string id, CancellationToken ct);

    Task<IReadOnlyList<AuditEvent>> ListAsync(AuditQuery query, CancellationToken ct);
}

/// <param name="Scope">Which events: one tenant's, every tenant's, or platform-level ones.</param>
/// <param name="Before">Keyset cursor: events strictly older than (time, id).</param>
public sealed record AuditQuery(
    AuditScope Scope,
    string? TenantId,
    IReadOnlyList<AuditFilterTerm> Filter,
    (DateTime Time, string Id)? Before,
    int Limit);

public enum AuditScope
{
    Tenant,
    AllTenants,
    Platform,
}

/// <summary>One comparison of the audit filter on event_time, principal, method or outcome.</summary>
public sealed record AuditFilterTerm(string Field, string Operator, string Value);
