namespace Platform.Domain.Eav;

/// <summary>
/// Every index slows every write of the type and they are built per (tenant, type), so a type may
/// have at most <see cref="MaxIndexesPerType"/>: one per filterable or sortable scalar attribute
/// (TEXT and GEO_POINT get none), one more per unique attribute (a unique index cannot order
/// missing values last, so it does not double as the sort index) and one per query hint.
/// Repeated attributes are served by the table's single GIN index and cost nothing here.
/// </summary>
public static class IndexBudget
{
    public const int MaxIndexesPerType = 16;

    public static int Count(IEnumerable<AttributeDefinition> attributes, IReadOnlyList<QueryHint> hints) =>
        attributes.Sum(a => (a.NeedsIndex ? 1 : 0) + (a.NeedsUniqueIndex ? 1 : 0)) + hints.Count;
}
