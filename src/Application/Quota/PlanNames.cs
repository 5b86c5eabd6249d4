using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

/// <summary>Parses plan and quota resource names into ids, as field violations when malformed.</summary>
public static class QuotaNames
{
    public static Result<string> Plan(string? name, string field = "name") =>
        PlanRules.IdOf(name) is { } id ? id : Error.Validation(field, "must be plans/{plan}");

    /// <summary>The tenant id of <c>tenants/{tenant}/quota</c>.</summary>
    public static Result<string> Quota(string? name, string field = "name")
    {
        const string suffix = "/quota";
        if (name is null || !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            return Error.Validation(field, "must be tenants/{tenant}/quota");
        }

        var tenant = Domain.Tenancy.TenantId.FromResourceName(name[..^suffix.Length], field);
        return tenant.TryGetValue(out var id, out _) ? id.Value : Error.Validation(field, "must be tenants/{tenant}/quota");
    }

    public static string QuotaOf(string tenantId) => $"tenants/{tenantId}/quota";
}
