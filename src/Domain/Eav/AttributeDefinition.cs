using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav;

/// <summary>
/// One attribute of an <see cref="EntityType"/>. A removed attribute stays in the type as
/// <see cref="Hidden"/>: its data is kept (until purged) and its key cannot be reused with
/// another type.
/// </summary>
public sealed record AttributeDefinition
{
    public required string Key { get; init; }

    public required AttributeType Type { get; init; }

    public bool Repeated { get; init; }

    public bool Required { get; init; }

    /// <summary>Unique among the type's live entities.</summary>
    public bool Unique { get; init; }

    /// <summary>Filled in on create when the attribute is missing; a <see cref="ListValue"/> when repeated.</summary>
    public AttributeValue? Default { get; init; }

    public bool Filterable { get; init; }

    public bool Sortable { get; init; }

    public bool Searchable { get; init; }

    public AttributeConstraints Constraints { get; init; } = AttributeConstraints.None;

    public string DisplayName { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>Output only: set when the attribute was removed from the type.</summary>
    public bool Hidden { get; init; }

    /// <summary>The API path of the attribute's value in an entity, used in violations and filters.</summary>
    public string Path => $"attributes.{Key}";

    /// <summary>True when values get a B-tree expression index for filtering and sorting.</summary>
    public bool NeedsIndex => !Hidden && !Repeated && Type.IsIndexable() && (Filterable || Sortable);

    /// <summary>True when values get a unique index (over live entities; missing values never collide).</summary>
    public bool NeedsUniqueIndex => !Hidden && Unique;
}
