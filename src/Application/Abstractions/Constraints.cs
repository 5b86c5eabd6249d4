namespace Platform.Application.Abstractions;

/// <summary>
/// Names of the database unique constraints handlers react to. Infrastructure creates its
/// indexes under exactly these names so a violation can be mapped to the right field.
/// </summary>
public static class Constraints
{
    public const string TenantPrimaryKey = "pk_tenants";
    public const string TenantSubdomain = "ux_tenants_subdomain";
    public const string IdempotencyKey = "pk_idempotency_keys";
    public const string ApiKeyPrimaryKey = "pk_api_keys";
    public const string MemberPrimaryKey = "pk_members";
    public const string MemberSubject = "ux_members_tenant_issuer_subject";
    public const string RolePrimaryKey = "pk_roles";
}
