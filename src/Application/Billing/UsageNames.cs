using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Billing;

/// <summary>Parses the usage resource names into tenant ids, as field violations when malformed.</summary>
public static class UsageNames
{
    public static Result<string> Parent(string? parent, string field = "parent") =>
        TenantId.FromResourceName(parent, field).Map(t => t.Value);

    /// <summary>The tenant id of <c>tenants/{tenant}/usage</c>.</summary>
    public static Result<string> Usage(string? name, string field = "name")
    {
        const string suffix = "/usage";
        return name is not null && name.EndsWith(suffix, StringComparison.Ordinal) &&
               TenantId.FromResourceName(name[..^suffix.Length], field).TryGetValue(out var id, out _)
            ? id.Value
            : Error.Validation(field, "must be tenants/{tenant}/usage");
    }

    public static string UsageOf(string tenantId) => $"tenants/{tenantId}/usage";
}
