using Platform.Application.Eav.Filtering.Bound;

namespace Platform.Application.Eav.Filtering.Ordering;

/// <summary>
/// One order_by key. Missing values sort as if larger than every value: last when ascending,
/// first when descending (PostgreSQL's default; SQLite is told NULLS LAST/FIRST explicitly).
/// The entity id always follows as the final tiebreak, in the direction of the last key, so a
/// single-key sort in either direction is one forward or backward scan of an (expr, id) index.
/// </summary>
public sealed record SortKey(FilterField Field, bool Descending);
