using Platform.Application.Common;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Access;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Access;

/// <summary>
/// The rules every access use case shares. The host has already checked the RPC's permission and
/// the call's tenant; these guard what that check cannot see: what is being granted.
/// </summary>
internal static class AccessRules
{
    /// <summary>
    /// Operator keys (<paramref name="tenantId"/> null) are for operators only; a tenant principal
    /// stays in its tenant. The host enforces both before the handler; this is defence in depth.
    /// </summary>
    public static Error? CheckScope(IRequestContext context, string? tenantId) => context.Principal switch
    {
        { IsOperator: true } => null,
        null => tenantId is null ? SecurityErrors.Missing() : null,
        { } p when p.TenantId != tenantId => SecurityErrors.TenantMismatch($"{Parent(p.TenantId)} cannot act on {Parent(tenantId)}"),
        _ => null,
    };

    /// <summary>
    /// Checks the roles given to a key or member of <paramref name="tenantId"/> (null: an operator key):
    /// every role exists, <c>operator</c> only and alone on operator keys, and a non-operator grants
    /// no permission it lacks itself (no escalation).
    /// </summary>
    public static async ValueTask<Error?> CheckGrantAsync(IRequestContext context, IRoleResolver resolver, string? tenantId,
        IReadOnlyList<string> roleIds, string field, CancellationToken ct)
    {
        // Granting is never anonymous: without a principal there is nothing to bound the grant by.
        if (context.Principal is null)
        {
            return SecurityErrors.Missing();
        }

        if (CheckScope(context, tenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        var v = new Validation();
        var unknown = tenantId is null ? [] : await resolver.UnknownRolesAsync(tenantId, roleIds, ct).ConfigureAwait(false);
        for (var i = 0; i < roleIds.Count; i++)
        {
            var role = roleIds[i];
            if (tenantId is null && role != BuiltInRoles.Operator)
            {
                v.Add($"{field}[{i}]", $"operator keys carry only the '{BuiltInRoles.Operator}' role");
            }
            else if (tenantId is not null && role == BuiltInRoles.Operator)
            {
                v.Add($"{field}[{i}]", $"'{BuiltInRoles.Operator}' can only be granted on operator keys (parent '{AccessNames.Platform}')");
            }
            else if (unknown.Contains(role))
            {
                v.Add($"{field}[{i}]", $"'{role}' is not a role of {Parent(tenantId)}");
            }
        }

        if (v.ToError() is { } invalid)
        {
            return invalid;
        }

        return context.Principal!.IsOperator ? null : CheckPermissions(context, await resolver.PermissionsAsync(tenantId, roleIds, ct).ConfigureAwait(false));
    }

    /// <summary>PERMISSION_DENIED naming the first permission the caller would grant without holding it.</summary>
    public static Error? CheckPermissions(IRequestContext context, IEnumerable<string> permissions)
    {
        if (context.Principal is not { } caller)
        {
            return SecurityErrors.Missing();
        }

        var missing = permissions.Where(p => !caller.Has(p)).Order(StringComparer.Ordinal).FirstOrDefault();
        return missing is null ? null : SecurityErrors.Denied(missing);
    }

    /// <summary>NOT_FOUND unless the tenant exists for clients (creates must not leave orphans).</summary>
    public static async ValueTask<Error?> CheckTenantAsync(ITenantDirectory tenants, string tenantId, DateTime now, CancellationToken ct)
    {
        var id = TenantId.FromTrusted(tenantId);
        var tenant = await tenants.FindAsync(id, ct).ConfigureAwait(false);
        return tenant is null || tenant.IsPurgeable(now) ? Error.NotFound(id.ResourceName) : null;
    }

    /// <summary>
    /// The idempotency scope of a create: method, parent and caller, so one caller's request_id can
    /// never replay another caller's resource. Hashed to fit the column whatever the principal id.
    /// </summary>
    public static string IdempotencyScope(string method, string parent, IRequestContext context) =>
        $"platform.access.v1.AccessService/{method} {Common.PageToken.Fingerprint(parent, context.Principal?.Id ?? "")}";

    public static string Parent(string? tenantId) => tenantId is null ? AccessNames.Platform : $"tenants/{tenantId}";

    public static Error RequestIdReused(string method) => Idempotency.RequestIdReused(method);
}
