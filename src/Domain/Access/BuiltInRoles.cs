namespace Platform.Domain.Access;

/// <summary>
/// Roles every tenant has. <c>operator</c> exists only for operator keys. Data permissions
/// (entities, search, billing) join member/viewer/billing as those services arrive.
/// </summary>
public static class BuiltInRoles
{
    public const string Operator = "operator";
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Member = "member";
    public const string Viewer = "viewer";
    public const string Billing = "billing";

    private static readonly string[] Read = ["tenants.get", "roles.get", "roles.list"];

    public static readonly IReadOnlyDictionary<string, BuiltInRole> All = new Dictionary<string, BuiltInRole>(StringComparer.Ordinal)
    {
        [Owner] = new(Owner, "Owner", "Full control of the tenant.", Permissions.TenantGrantable),
        [Admin] = new(Admin, "Administrator", "Manages keys, members, roles, domains and data.", Permissions.TenantGrantable),
        [Member] = new(Member, "Member", "Reads and writes the tenant's data.", Set(Read)),
        [Viewer] = new(Viewer, "Viewer", "Reads the tenant's data.", Set(Read)),
        [Billing] = new(Billing, "Billing", "Manages subscription and invoices.", Set(["tenants.get", "wallet.get", "wallet.topUp", "usage.get",
            "subscriptions.get", "invoices.get", "invoices.list", "prices.get", "prices.list", "billableMetrics.get", "billableMetrics.list"])),
    };

    public static bool IsBuiltIn(string roleId) => roleId == Operator || All.ContainsKey(roleId);

    private static HashSet<string> Set(IEnumerable<string> permissions) => new(permissions, StringComparer.Ordinal);
}

public sealed record BuiltInRole(string Id, string DisplayName, string Description, IReadOnlySet<string> Permissions);
