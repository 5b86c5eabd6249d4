using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Filtering;

/// <summary>What a filter or sort reads of an entity.</summary>
public sealed record FilterSubject(string Id, DateTime CreateTime, DateTime UpdateTime, AttributeMap Attributes)
{
    /// <summary>The field's value, or null when the entity has none.</summary>
    public AttributeValue? ValueOf(FilterField field) => field.SystemField switch
    {
        SystemFields.CreateTime => new TimestampValue(CreateTime),
        SystemFields.UpdateTime => new TimestampValue(UpdateTime),
        _ => Attributes.Get(field.Attribute!.Key),
    };
}
