using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

/// <summary>
/// An entity as returned, with the attributes a read_mask keeps (null: all visible ones).
/// Hidden attributes are never shown: their data is kept, but the schema no longer has them.
/// </summary>
public sealed record EntityView(Entity Entity, AttributeMap Attributes)
{
    public static EntityView Of(EntityType type, Entity entity, IReadOnlySet<string>? mask = null) =>
        new(entity, new AttributeMap(entity.Attributes.Where(p => type.FindAttribute(p.Key) is not null && (mask is null || mask.Contains(p.Key)))));
}
