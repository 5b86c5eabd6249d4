namespace Platform.Application.Eav.Filtering.Bound;

/// <summary>
/// A type-checked filter over one entity type. Semantics (shared by the in-memory evaluator and
/// the SQL translation): a comparison with a missing value is false, and NOT is plain negation,
/// so <c>NOT a = 1</c> (and <c>a != 1</c>) match entities without <c>a</c>.
/// </summary>
public abstract record BoundFilter;
