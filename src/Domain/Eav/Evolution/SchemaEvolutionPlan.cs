namespace Platform.Domain.Eav.Evolution;

/// <summary>
/// An accepted schema update, not yet applied: the service runs every <see cref="Checks"/> entry
/// against existing data, then calls <see cref="EntityType.Apply"/>. <see cref="Attributes"/> is
/// the resulting list, hidden attributes included.
/// </summary>
public sealed record SchemaEvolutionPlan(
    long BaseRevision,
    string DisplayName,
    string Description,
    IReadOnlyList<AttributeDefinition> Attributes,
    IReadOnlyList<QueryHint> QueryHints,
    IReadOnlyList<SchemaChange> Changes)
{
    public bool IsNoOp => Changes.Count == 0;

    public IEnumerable<SchemaChange> Checks => Changes.Where(c => c.Verdict == SchemaVerdict.NeedsCheck);
}
