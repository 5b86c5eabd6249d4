using Platform.Domain.Access;

namespace Platform.Application.Access;

/// <summary>A role as the API shows it: a tenant's custom role, or a built-in one (no times, no etag).</summary>
public sealed record RoleView(
    string TenantId, string Id, string DisplayName, string Description, IReadOnlyList<string> Permissions,
    bool BuiltIn, DateTime? CreateTime, DateTime? UpdateTime, string Etag)
{
    /// <summary>The tenant roles every tenant has, in the order they are listed (<c>operator</c> is not one).</summary>
    public static readonly IReadOnlyList<string> BuiltInOrder =
        [BuiltInRoles.Owner, BuiltInRoles.Admin, BuiltInRoles.Member, BuiltInRoles.Viewer, BuiltInRoles.Billing];

    public string ResourceName => $"tenants/{TenantId}/roles/{Id}";

    public static RoleView From(Role role) => new(
        role.TenantId, role.Id, role.DisplayName, role.Description, role.Permissions, false, role.CreateTime, role.UpdateTime, role.Etag);

    public static RoleView From(string tenantId, BuiltInRole role) => new(
        tenantId, role.Id, role.DisplayName, role.Description, role.Permissions.Order(StringComparer.Ordinal).ToList(), true, null, null, "");

    /// <summary>True for the built-in roles of a tenant, which cannot be changed or deleted.</summary>
    public static bool IsTenantBuiltIn(string roleId) => BuiltInRoles.All.ContainsKey(roleId);

    public static Domain.Common.Error Immutable(string name) =>
        Domain.Common.Error.InvalidState(name, "BUILT_IN", $"{name} is a built-in role and cannot be changed or deleted.");
}
