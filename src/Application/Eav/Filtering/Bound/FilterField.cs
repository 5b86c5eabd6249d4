using Platform.Domain.Eav;

namespace Platform.Application.Eav.Filtering.Bound;

/// <summary>What a comparison or sort key reads: an attribute, or the create_time / update_time of the entity.</summary>
public sealed record FilterField
{
    private FilterField(AttributeDefinition? attribute, string? systemField)
    {
        Attribute = attribute;
        SystemField = systemField;
    }

    public static FilterField CreateTime { get; } = new(null, SystemFields.CreateTime);

    public static FilterField UpdateTime { get; } = new(null, SystemFields.UpdateTime);

    public AttributeDefinition? Attribute { get; }

    /// <summary><see cref="SystemFields.CreateTime"/> or <see cref="SystemFields.UpdateTime"/> when not an attribute.</summary>
    public string? SystemField { get; }

    /// <summary>The type of the values read; system fields are timestamps.</summary>
    public AttributeType ValueType => Attribute?.Type ?? AttributeType.Timestamp;

    /// <summary>The API name: attributes.&lt;key&gt;, create_time or update_time.</summary>
    public string Name => Attribute?.Path ?? SystemField!;

    public static FilterField For(AttributeDefinition attribute) => new(attribute, null);
}
