using Platform.Domain.Audit;
using Proto = Platform.Audit.V1;

namespace Platform.GrpcHost.Mapping;

internal static class AuditMapper
{
    public static Proto.AuditEvent ToProto(AuditEvent e) => new()
    {
        Name = e.ResourceName,
        EventTime = Timestamps.ToProto(e.EventTime),
        Tenant = e.TenantId is null ? "" : $"tenants/{e.TenantId}",
        Principal = e.Principal,
        Method = e.Method,
        Resource = e.Resource,
        RequestId = e.RequestId,
        Outcome = e.Outcome,
        Reason = e.Reason,
        ClientAddress = e.ClientAddress,
    };
}
