using Platform.Application.Abstractions.Eav;
using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Entities;

/// <summary>
/// What validating values against the schema alone cannot see: references must name live
/// entities of the referenced type, and unique values must be free. The unique index backs the
/// second check under races (and the store reports what it refused), but the index may still be
/// building, so it is checked here too.
/// </summary>
internal static class EntityChecks
{
    public static async Task<Error?> CheckAsync(IEntityStore store, EntityType type, string entityId, AttributeMap attributes,
        CancellationToken ct, string prefix = "entity.")
    {
        var v = new Validation();
        foreach (var attribute in type.VisibleAttributes.Where(a => a.Type == AttributeType.Reference && attributes.ContainsKey(a.Key)))
        {
            var ids = Items(attributes[attribute.Key]).OfType<TextValue>().Select(t => t.Value).Distinct().ToList();
            var target = attribute.Constraints.ReferenceTypeId ?? type.Id;
            // A self-reference to the entity being written is allowed.
            var live = await store.LiveIdsAsync(type.TenantId, target, ids.Where(id => !(target == type.Id && id == entityId)).ToList(), ct);
            foreach (var missing in ids.Where(id => !live.Contains(id) && !(target == type.Id && id == entityId)))
            {
                v.Add($"{prefix}{attribute.Path}", $"references {EntityNames.Of(type.TenantId, target, missing)}, which does not exist");
            }
        }

        if (v.ToError() is { } dangling)
        {
            return dangling;
        }

        foreach (var attribute in type.VisibleAttributes.Where(a => a.Unique && attributes.ContainsKey(a.Key)))
        {
            var holder = await store.FindByValueAsync(type, attribute, attributes[attribute.Key], ct);
            if (holder is not null && holder != entityId)
            {
                return UniqueTaken(attribute.Key, attributes[attribute.Key], prefix);
            }
        }

        return null;
    }

    public static Error UniqueTaken(string key, AttributeValue? value, string prefix = "entity.") =>
        Error.ValueTaken($"{prefix}attributes.{key}", value is null ? "(value)" : AttributeValueText.Format(value));

    /// <summary>The store refused a write: an existing id, a taken unique value, or a moved version.</summary>
    public static Error Refused(EntityWrite write, Entity entity, string prefix = "entity.") => write.Status switch
    {
        EntityWriteStatus.UniqueTaken => UniqueTaken(write.Attribute ?? "unique", write.Attribute is null ? null : entity.Attributes.Get(write.Attribute), prefix),
        _ when entity.Version == 1 => Error.AlreadyExists(entity.ResourceName),
        _ => Error.ConcurrentModification(entity.ResourceName),
    };

    private static IEnumerable<AttributeValue> Items(AttributeValue value) => value is ListValue list ? list.Items : [value];
}
