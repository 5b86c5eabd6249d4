namespace Platform.Domain.Eav;

/// <summary>
/// What a client asks an entity type to be: the whole desired schema. Attributes left out of an
/// update are hidden, not deleted.
/// </summary>
public sealed record EntityTypeSpec(
    string DisplayName,
    string Description,
    IReadOnlyList<AttributeDefinition> Attributes,
    IReadOnlyList<QueryHint> QueryHints);
