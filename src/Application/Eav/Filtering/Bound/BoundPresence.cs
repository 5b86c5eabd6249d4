using Platform.Domain.Eav;

namespace Platform.Application.Eav.Filtering.Bound;

/// <summary><c>attributes.k:*</c> — the entity has a value (a repeated attribute: at least one item).</summary>
public sealed record BoundPresence(AttributeDefinition Attribute) : BoundFilter;
