using Platform.Application.Abstractions;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav;

/// <summary>REFERENCE attributes must point at an entity type of the same tenant (or the type itself).</summary>
internal static class EntityTypeReferences
{
    public static async ValueTask<Error?> CheckAsync(IEntityTypeRepository types, EntityType type, CancellationToken ct, string field = "entity_type") =>
        await CheckAsync(types, type.TenantId, type.Id, type.Attributes, ct, field).ConfigureAwait(false);

    public static async ValueTask<Error?> CheckAsync(IEntityTypeRepository types, string tenantId, string typeId,
        IReadOnlyList<AttributeDefinition> attributes, CancellationToken ct, string field = "entity_type")
    {
        var v = new Validation();
        for (var i = 0; i < attributes.Count; i++)
        {
            var target = attributes[i].Constraints.ReferenceTypeId;
            if (attributes[i].Hidden || target is null || target == typeId)
            {
                continue;
            }

            if (await types.FindAsync(tenantId, target, ct).ConfigureAwait(false) is null)
            {
                v.Add($"{field}.attributes[{i}].constraints.reference_type_id", $"'{target}' is not an entity type of tenants/{tenantId}");
            }
        }

        return v.ToError();
    }
}
