using Platform.Application.Eav.Filtering.Bound;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Domain.Search.Geo;

namespace Platform.Application.Abstractions.Search;

/// <summary>
/// The search backend: documents of analyzed terms per entity, matched with every query term
/// (AND) and ranked by the backend's relevance function. PostgreSQL uses a weighted tsvector
/// ('simple' configuration over the already analyzed terms) with GIN; SQLite uses FTS5 with bm25.
/// Analysis happens in the application (Domain/Search/Analysis), so both backends see the same terms.
/// </summary>
public interface ISearchIndex
{
    /// <summary>What this backend can answer; a request needing more is refused before it gets here.</summary>
    SearchCapabilities Capabilities { get; }

    /// <summary>Replaces the documents of the given entities; an entity with no terms (or deleted) is removed.</summary>
    Task ReplaceAsync(string tenantId, string typeId, IReadOnlyList<SearchDocument> documents, IReadOnlyList<string> removedIds, CancellationToken ct);

    Task<SearchMatches> SearchAsync(SearchQuery query, CancellationToken ct);

    /// <summary>
    /// Indexed words of the tenant (of one type, or all when <paramref name="typeId"/> is null) that
    /// share a deletion variant with the query word: the candidates for a typo match.
    /// </summary>
    Task<IReadOnlyList<string>> SimilarTermsAsync(string tenantId, string? typeId, IReadOnlyList<string> variants, CancellationToken ct);

    /// <summary>The values of the type whose completion keys include <paramref name="key"/>, most common first.</summary>
    Task<IReadOnlyList<CompletionCandidate>> CompletionCandidatesAsync(string tenantId, string typeId, string key, int limit, CancellationToken ct);

    /// <summary>Every entity type of the tenant at once, ranked together, with a per-type count when <see cref="TenantSearchQuery.FacetByType"/>.</summary>
    Task<TenantSearchMatches> SearchTenantAsync(TenantSearchQuery query, CancellationToken ct);
}

public sealed record TenantSearchQuery(string TenantId, IReadOnlyList<IReadOnlyList<string>> Terms, int Offset, int Limit, bool FacetByType);

public sealed record TenantSearchMatches(IReadOnlyList<TypedScoredId> Hits, long Total, IReadOnlyList<(string TypeId, long Count)> Types);

public sealed record TypedScoredId(string TypeId, string Id, double Score);

/// <param name="Terms">The analyzed terms of the entity's searchable attributes, space-separated.</param>
/// <param name="Completions">Values autocomplete may offer (searchable STRING and ENUM attributes), as written.</param>
/// <param name="Points">The entity's GEO_POINT values, for geo search.</param>
/// <param name="Values">The filterable attribute values and timestamps, for backends that filter and count in their own documents.</param>
public sealed record SearchDocument(string EntityId, string Terms, IReadOnlyList<CompletionValue>? Completions = null,
    IReadOnlyList<IndexedPoint>? Points = null, SearchValues? Values = null);

public sealed record IndexedPoint(string Attribute, double Latitude, double Longitude);

/// <summary>
/// What a backend supports beyond matching terms. Flags a caller may depend on; the handler turns a
/// request needing a missing one into FAILED_PRECONDITION instead of a wrong or partial answer.
/// </summary>
/// <param name="Filters">A ListEntities filter on the matches.</param>
/// <param name="Facets">Term counts of STRING/ENUM/BOOL attributes.</param>
/// <param name="RangeFacets">Range bucket counts of numbers and dates.</param>
/// <param name="Geo">Within-radius filtering, distances and nearest-first order.</param>
/// <param name="AttributeSort">order_by on sortable attributes and timestamps.</param>
/// <param name="Fuzzy">Typo-tolerant terms (<see cref="ISearchIndex.SimilarTermsAsync"/> finds candidates).</param>
/// <param name="Completions">Autocomplete candidates.</param>
public sealed record SearchCapabilities(bool Filters, bool Facets, bool RangeFacets, bool Geo, bool AttributeSort, bool Fuzzy, bool Completions)
{
    public static readonly SearchCapabilities All = new(true, true, true, true, true, true, true);
}

public sealed record CompletionValue(string Attribute, string Value);

/// <param name="Entities">How many entities hold the value (the suggestion's weight).</param>
public sealed record CompletionCandidate(string Attribute, string Value, long Entities);

/// <param name="Terms">
/// Analyzed query terms, each with its synonyms (a group matches when any of its terms does; every
/// group must match); empty means "every live entity the filter keeps" (scored 0).
/// </param>
/// <param name="Geo">Keep only entities whose point lies in the circle; hits then carry their distance.</param>
/// <param name="Order">Null: by relevance (by id when there are no terms).</param>
public sealed record SearchQuery(EntityType Type, IReadOnlyList<IReadOnlyList<string>> Terms, BoundFilter? Filter, int Offset, int Limit,
    IReadOnlyList<AttributeDefinition> Facets, int FacetBuckets, GeoQuery? Geo = null, SearchOrder? Order = null,
    IReadOnlyList<RangeFacetQuery>? RangeFacets = null);

public sealed record GeoQuery(AttributeDefinition Attribute, GeoCircle Circle);

/// <summary>Nearest first (<see cref="ByDistance"/>), or by <see cref="Keys"/> as ListEntities sorts (id tiebreak).</summary>
public sealed record SearchOrder(bool ByDistance, IReadOnlyList<SortKey> Keys)
{
    public static readonly SearchOrder Distance = new(true, []);
}

/// <param name="Boundaries">Strictly ascending values of the attribute's type; n boundaries make n + 1 buckets.</param>
public sealed record RangeFacetQuery(AttributeDefinition Attribute, IReadOnlyList<AttributeValue> Boundaries);

/// <param name="Ranges">The range facets' counts, in request order.</param>
public sealed record SearchMatches(IReadOnlyList<ScoredId> Hits, long Total, IReadOnlyList<FacetCounts> Facets, IReadOnlyList<RangeCounts>? Ranges = null);

/// <param name="DistanceMeters">From the geo centre, when the query had one.</param>
public sealed record ScoredId(string Id, double Score, double? DistanceMeters = null);

/// <param name="Counts">One per bucket, below the first boundary first; n + 1 for n boundaries.</param>
public sealed record RangeCounts(RangeFacetQuery Facet, IReadOnlyList<long> Counts);

public sealed record FacetCounts(string Attribute, IReadOnlyList<(AttributeValue? Value, long Count)> Buckets);
