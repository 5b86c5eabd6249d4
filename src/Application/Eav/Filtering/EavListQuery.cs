using Platform.Application.Eav.Filtering.Bound;
using Platform.Application.Eav.Filtering.Ordering;

namespace Platform.Application.Eav.Filtering;

/// <summary>
/// One page of ListEntities: the (tenant, type) scope, a bound filter (null for all), the sort
/// keys, the keyset position after the previous page (null for the first) and the row limit
/// (ask for page size + 1 to learn whether another page exists).
/// </summary>
public sealed record EavListQuery(
    string TenantId,
    string TypeId,
    BoundFilter? Filter,
    IReadOnlyList<SortKey> Order,
    SortCursor? After,
    int Limit,
    bool IncludeDeleted = false);
