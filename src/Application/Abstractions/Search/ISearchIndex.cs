using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Abstractions.Search;

/// <summary>
/// The search backend: documents of analyzed terms per entity, matched with every query term
/// (AND) and ranked by the backend's relevance function. PostgreSQL uses a weighted tsvector
/// ('simple' configuration over the already analyzed terms) with GIN; SQLite uses FTS5 with bm25.
/// Analysis happens in the application (Domain/Search/Analysis), so both backends see the same terms.
/// </summary>
public interface ISearchIndex
{
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
/// <param name="Values">The filterable attribute values and timestamps, for backends that filter and count in their own documents.</param>
public sealed record SearchDocument(string EntityId, string Terms, IReadOnlyList<CompletionValue>? Completions = null, SearchValues? Values = null);

public sealed record CompletionValue(string Attribute, string Value);

/// <param name="Entities">How many entities hold the value (the suggestion's weight).</param>
public sealed record CompletionCandidate(string Attribute, string Value, long Entities);

/// <param name="Terms">
/// Analyzed query terms, each with its synonyms (a group matches when any of its terms does; every
/// group must match); empty means "every live entity the filter keeps" (scored 0).
/// </param>
public sealed record SearchQuery(EntityType Type, IReadOnlyList<IReadOnlyList<string>> Terms, BoundFilter? Filter, int Offset, int Limit,
    IReadOnlyList<AttributeDefinition> Facets, int FacetBuckets);

public sealed record SearchMatches(IReadOnlyList<ScoredId> Hits, long Total, IReadOnlyList<FacetCounts> Facets);

public sealed record ScoredId(string Id, double Score);

public sealed record FacetCounts(string Attribute, IReadOnlyList<(AttributeValue? Value, long Count)> Buckets);
