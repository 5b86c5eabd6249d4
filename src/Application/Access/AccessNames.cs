using System.Text.RegularExpressions;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Access;

/// <summary>A child of a tenant, e.g. <c>tenants/{tenant}/members/{member}</c>.</summary>
public readonly record struct TenantChild(string TenantId, string Id);

/// <summary>An API key's name; <see cref="TenantId"/> is null for operator keys (<c>platform/apiKeys/{key}</c>).</summary>
public readonly record struct ApiKeyName(string? TenantId, string Id);

/// <summary>Parses the resource names of the access API; every failure names the request field.</summary>
public static partial class AccessNames
{
    public const string Platform = "platform";
    private const string TenantPrefix = "tenants/";

    /// <summary>Parses <c>tenants/{tenant}</c>.</summary>
    public static Result<string> Tenant(string? parent, string field = "parent") =>
        TenantId.FromResourceName(parent, field).Map(id => id.Value);

    /// <summary>Parses an API key parent: <c>tenants/{tenant}</c>, or <c>platform</c> (null tenant).</summary>
    public static Result<string?> ApiKeyParent(string? parent, string field = "parent")
    {
        if (parent == Platform)
        {
            return Result<string?>.Success(null);
        }

        return TenantId.FromResourceName(parent, field).TryGetValue(out var id, out _)
            ? Result<string?>.Success(id.Value)
            : Error.Validation(field, "must be tenants/{tenant} or platform");
    }

    /// <summary>Parses <c>tenants/{tenant}/apiKeys/{key}</c> or <c>platform/apiKeys/{key}</c>.</summary>
    public static Result<ApiKeyName> ApiKey(string? name, string field = "name")
    {
        const string platformPrefix = Platform + "/apiKeys/";
        if (name is not null && name.StartsWith(platformPrefix, StringComparison.Ordinal) && ApiKeyId().IsMatch(name.AsSpan(platformPrefix.Length)))
        {
            return new ApiKeyName(null, name[platformPrefix.Length..]);
        }

        return Child(name, "apiKeys", field, id => ApiKeyId().IsMatch(id)).TryGetValue(out var key, out _)
            ? new ApiKeyName(key.TenantId, key.Id)
            : Error.Validation(field, "must be tenants/{tenant}/apiKeys/{key} or platform/apiKeys/{key}");
    }

    /// <summary>Parses <c>tenants/{tenant}/members/{member}</c>.</summary>
    public static Result<TenantChild> Member(string? name, string field = "name") => Child(name, "members", field, ResourceIds.IsValid);

    /// <summary>Parses <c>tenants/{tenant}/roles/{role}</c>.</summary>
    public static Result<TenantChild> Role(string? name, string field = "name") => Child(name, "roles", field, ResourceIds.IsValid);

    public static Result<TenantChild> SynonymSet(string? name, string field = "name") => Child(name, "synonymSets", field, ResourceIds.IsValid);

    private static Result<TenantChild> Child(string? name, string collection, string field, Func<string, bool> isValidId)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Error.Validation(field, "is required");
        }

        var parts = name.Split('/');
        return parts.Length == 4 && parts[0] + "/" == TenantPrefix && parts[2] == collection &&
               TenantId.Create(parts[1]).IsSuccess && isValidId(parts[3])
            ? new TenantChild(parts[1], parts[3])
            : Error.Validation(field, $"must be a resource name, tenants/{{tenant}}/{collection}/{{id}}");
    }

    // Key ids are server-generated hex and may start with a digit; member and role ids follow AIP-122.
    [GeneratedRegex("^[a-z0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyId();
}
