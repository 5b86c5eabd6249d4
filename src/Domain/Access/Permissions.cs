namespace Platform.Domain.Access;

/// <summary>
/// The permission catalog. Each RPC names one of these in its proto method option; a test keeps
/// the two in step. Operator-only permissions are never granted by tenant roles.
/// </summary>
public static class Permissions
{
    public static readonly IReadOnlySet<string> OperatorOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "tenants.create", "tenants.list", "tenants.update", "tenants.delete", "tenants.undelete", "tenants.suspend", "tenants.resume",
        "plans.create", "plans.update", "plans.delete", "quota.override",
        "wallet.update", "wallet.grant", "wallet.refund", "wallet.adjust",
        "prices.create", "billableMetrics.create", "billableMetrics.delete", "subscriptions.manage", "invoices.manage", "invoices.run",
    };

    /// <summary>Everything a tenant role may contain.</summary>
    public static readonly IReadOnlySet<string> TenantGrantable = new HashSet<string>(StringComparer.Ordinal)
    {
        "tenants.get",
        "domains.add", "domains.verify", "domains.remove",
        "apiKeys.create", "apiKeys.get", "apiKeys.list", "apiKeys.revoke",
        "members.create", "members.get", "members.list", "members.update", "members.delete",
        "roles.create", "roles.get", "roles.list", "roles.update", "roles.delete",
        "audit.list", "audit.get",
        "plans.get", "plans.list", "quota.get", "quota.allocate", "quota.release",
        "entityTypes.create", "entityTypes.get", "entityTypes.list", "entityTypes.update", "entityTypes.delete",
        "entities.create", "entities.get", "entities.list", "entities.update", "entities.delete", "entities.undelete",
        "entities.import", "entities.export", "entities.search",
        "synonymSets.create", "synonymSets.get", "synonymSets.list", "synonymSets.update", "synonymSets.delete",
        "entityTypes.reindex", "operations.get", "operations.list", "operations.cancel", "operations.delete",
        "wallet.get", "wallet.topUp",
        "usage.record", "usage.get",
        "prices.get", "prices.list", "billableMetrics.get", "billableMetrics.list", "subscriptions.get", "invoices.get", "invoices.list",
    };

    public static bool IsKnown(string permission) => OperatorOnly.Contains(permission) || TenantGrantable.Contains(permission);
}
