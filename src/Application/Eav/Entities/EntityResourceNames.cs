using System.Globalization;
using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Tenancy;

namespace Platform.Application.Eav.Entities;

/// <summary>An entity's name parts.</summary>
public sealed record EntityName(string TenantId, string TypeId, string Id)
{
    public string TypeName => $"tenants/{TenantId}/entityTypes/{TypeId}";
}

/// <summary>Parses entity and revision names; every failure names the request field.</summary>
public static class EntityResourceNames
{
    private const string EntityShape = "must be a resource name, tenants/{tenant}/entityTypes/{entity_type}/entities/{entity}";

    public static Result<EntityName> Entity(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            return Error.Validation(field, "is required");
        }

        var parts = name.Split('/');
        return parts.Length == 6 && parts[4] == "entities" && EntityIds.IsValid(parts[5]) &&
               EntityTypeNames.EntityType(string.Join('/', parts[..4])).TryGetValue(out var type, out _)
            ? new EntityName(type.TenantId, type.Id, parts[5])
            : Error.Validation(field, EntityShape);
    }

    public static Result<(EntityName Entity, long Version)> Revision(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            return Error.Validation(field, "is required");
        }

        var parts = name.Split('/');
        return parts.Length == 8 && parts[6] == "revisions" &&
               long.TryParse(parts[7], NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 &&
               Entity(string.Join('/', parts[..6])).TryGetValue(out var entity, out _)
            ? (entity, version)
            : Error.Validation(field, "must be a resource name, tenants/{tenant}/entityTypes/{entity_type}/entities/{entity}/revisions/{version}");
    }
}
