using System.Text.RegularExpressions;
using Platform.Domain.Common;

namespace Platform.Domain.Tenancy;

/// <summary>
/// A tenant's client-chosen id (AIP-122): <c>[a-z][a-z0-9-]{1,62}</c>, and not ending in a hyphen
/// because it doubles as the default subdomain, which must be a valid DNS label.
/// </summary>
public readonly partial record struct TenantId
{
    private TenantId(string value) => Value = value;

    public string Value { get; }

    public string ResourceName => $"tenants/{Value}";

    public static Result<TenantId> Create(string? value, string field = "tenant_id")
    {
        if (string.IsNullOrEmpty(value))
        {
            return Error.Validation(field, "is required");
        }

        return IdPattern().IsMatch(value)
            ? new TenantId(value)
            : Error.Validation(field, "must match [a-z][a-z0-9-]{1,62} and not end with '-'");
    }

    /// <summary>Parses <c>tenants/{tenant}</c>.</summary>
    public static Result<TenantId> FromResourceName(string? name, string field = "name")
    {
        const string prefix = "tenants/";
        if (string.IsNullOrEmpty(name))
        {
            return Error.Validation(field, "is required");
        }

        return name.StartsWith(prefix, StringComparison.Ordinal) && IdPattern().IsMatch(name.AsSpan(prefix.Length))
            ? new TenantId(name[prefix.Length..])
            : Error.Validation(field, "must be a tenant resource name, tenants/{tenant}");
    }

    /// <summary>Rehydrates an id that was validated before it was stored.</summary>
    public static TenantId FromTrusted(string value) => new(value);

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
