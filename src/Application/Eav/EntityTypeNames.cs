using Platform.Application.Access;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Eav;

/// <summary>Parses <c>tenants/{tenant}/entityTypes/{type}</c>; every failure names the request field.</summary>
public static class EntityTypeNames
{
    public static Result<TenantChild> EntityType(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            return Error.Validation(field, "is required");
        }

        var parts = name.Split('/');
        return parts.Length == 4 && parts[0] == "tenants" && parts[2] == "entityTypes" &&
               TenantId.Create(parts[1]).IsSuccess && ResourceIds.IsValid(parts[3])
            ? new TenantChild(parts[1], parts[3])
            : Error.Validation(field, "must be a resource name, tenants/{tenant}/entityTypes/{entity_type}");
    }
}
