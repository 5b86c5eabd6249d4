namespace Platform.Domain.Audit;

/// <summary>One recorded call. Append-only; ids sort by time (UUIDv7).</summary>
public sealed record AuditEvent(
    string Id,
    string? TenantId,
    DateTime EventTime,
    string Principal,
    string Method,
    string Resource,
    string RequestId,
    string Outcome,
    string Reason,
    string ClientAddress)
{
    public string ResourceName => TenantId is null ? $"platform/auditEvents/{Id}" : $"tenants/{TenantId}/auditEvents/{Id}";
}
