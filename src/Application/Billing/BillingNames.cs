using System.Globalization;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Billing;

/// <summary>Parses and builds billing resource names, reporting malformed ones as field violations.</summary>
public static class BillingNames
{
    public static string PriceOf(string planId, int version) => $"plans/{planId}/prices/{version.ToString(CultureInfo.InvariantCulture)}";

    public static string MetricOf(string id) => $"billableMetrics/{id}";

    public static string SubscriptionOf(string tenantId) => $"tenants/{tenantId}/subscription";

    public static string InvoiceOf(string tenantId, string invoiceId) => $"tenants/{tenantId}/invoices/{invoiceId}";

    public static Result<string> Plan(string? name, string field) =>
        PlanRules.IdOf(name) is { } id ? id : Error.Validation(field, "must be plans/{plan}");

    public static Result<(string PlanId, int Version)> Price(string? name, string field = "name")
    {
        var parts = name?.Split('/') ?? [];
        return parts is ["plans", var plan, "prices", var v] && PlanRules.IdOf($"plans/{plan}") is { } id
            && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1
            ? (id, version)
            : Error.Validation(field, "must be plans/{plan}/prices/{version}");
    }

    public static Result<string> Metric(string? name, string field = "name") =>
        name is not null && name.StartsWith("billableMetrics/", StringComparison.Ordinal) && Metrics.IsValidId(name["billableMetrics/".Length..])
            ? name["billableMetrics/".Length..]
            : Error.Validation(field, "must be billableMetrics/{metric}");

    public static Result<string> Subscription(string? name, string field = "name") => TenantChild(name, "subscription", field);

    public static Result<string> Tenant(string? name, string field = "parent") =>
        Domain.Tenancy.TenantId.FromResourceName(name, field).TryGetValue(out var id, out _) ? id.Value : Error.Validation(field, "must be tenants/{tenant}");

    public static Result<(string TenantId, string InvoiceId)> Invoice(string? name, string field = "name")
    {
        var parts = name?.Split('/') ?? [];
        return parts is ["tenants", var tenant, "invoices", var invoice] && ResourceIds.IsValid(invoice)
            && Domain.Tenancy.TenantId.Create(tenant).TryGetValue(out var id, out _)
            ? (id.Value, invoice)
            : Error.Validation(field, "must be tenants/{tenant}/invoices/{invoice}");
    }

    private static Result<string> TenantChild(string? name, string child, string field)
    {
        var suffix = "/" + child;
        return name is not null && name.EndsWith(suffix, StringComparison.Ordinal)
            && Domain.Tenancy.TenantId.FromResourceName(name[..^suffix.Length], field).TryGetValue(out var id, out _)
            ? id.Value
            : Error.Validation(field, $"must be tenants/{{tenant}}/{child}");
    }
}
