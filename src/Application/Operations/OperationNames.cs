using System.Text.RegularExpressions;
using Platform.Application.Access;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Operations;

/// <summary>Parses <c>tenants/{tenant}/operations/{operation}</c>; failures name the request field.</summary>
public static partial class OperationNames
{
    public static Result<TenantChild> Operation(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            return Error.Validation(field, "is required");
        }

        var parts = name.Split('/');
        return parts.Length == 4 && parts[0] == "tenants" && parts[2] == "operations" && TenantId.Create(parts[1]).IsSuccess && Id().IsMatch(parts[3])
            ? new TenantChild(parts[1], parts[3])
            : Error.Validation(field, "must be a resource name, tenants/{tenant}/operations/{operation}");
    }

    /// <summary>A new server-assigned id: 32 lower-case hex characters.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    // Ids are server-generated hex; the pattern only keeps arbitrary text out of queries and logs.
    [GeneratedRegex("^[a-z0-9]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
