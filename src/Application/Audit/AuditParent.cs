using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Common;

namespace Platform.Application.Audit;

/// <summary>
/// Where audit events live: <c>tenants/{tenant}</c>, <c>tenants/-</c> (every tenant, operators
/// only) or <c>platform</c> (platform-level calls, operators only).
/// </summary>
public readonly record struct AuditParent(AuditScope Scope, string? TenantId)
{
    public const string AllTenants = "tenants/-";
    public const string Platform = "platform";

    public static Result<AuditParent> Parse(string? parent, string field = "parent")
    {
        switch (parent)
        {
            case AllTenants:
                return new AuditParent(AuditScope.AllTenants, null);
            case Platform:
                return new AuditParent(AuditScope.Platform, null);
            default:
                var id = Domain.Tenancy.TenantId.FromResourceName(parent, field);
                return id.IsSuccess
                    ? new AuditParent(AuditScope.Tenant, id.Value.Value)
                    : Error.Validation(field, "must be tenants/{tenant}, tenants/- or platform");
        }
    }

    /// <summary>
    /// Reading across tenants or at platform level is for operators; a tenant principal reads only
    /// its own tenant (the host checks this too; the audit log is worth checking twice).
    /// </summary>
    public Error? Authorize(Principal? principal, string permission) => Scope switch
    {
        AuditScope.Tenant when principal is { IsOperator: false } && principal.TenantId != TenantId =>
            SecurityErrors.TenantMismatch($"the caller belongs to tenants/{principal.TenantId}, the request names tenants/{TenantId}"),
        AuditScope.Tenant => null,
        _ => principal?.IsOperator == true ? null : SecurityErrors.Denied(permission),
    };
}
