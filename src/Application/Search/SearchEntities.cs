using System.Globalization;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Search;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Application.Eav;
using Platform.Application.Eav.Entities;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Search;

/// <param name="Fuzzy">Words of 4 or more characters also match indexed words one typo away.</param>
/// <param name="OrderBy">Blank or <c>relevance</c>, <c>distance</c> (with <paramref name="Geo"/>), or a ListEntities order_by.</param>
/// <param name="ReadMask">The attributes hits carry (<c>attributes.{key}</c>); empty: all.</param>
public sealed record SearchEntitiesQuery(string Parent, string? Query, string? Filter, int PageSize, string? PageToken, IReadOnlyList<string> Facets,
    bool Strong = false, bool Fuzzy = true, GeoArgs? Geo = null, string? OrderBy = null, IReadOnlyList<string>? ReadMask = null,
    IReadOnlyList<RangeFacetArgs>? RangeFacets = null) : IQuery<Result<SearchPage>>, IValidatable
{
    /// <summary>The read_mask paths (none: every attribute).</summary>
    public IReadOnlyList<string> MaskPaths => ReadMask ?? [];

    /// <summary>The range facets asked for (none when null).</summary>
    public IReadOnlyList<RangeFacetArgs> Ranges => RangeFacets ?? [];

    /// <summary>How long a STRONG search waits for the tenant's pending index updates.</summary>
    public static readonly TimeSpan StrongWait = TimeSpan.FromSeconds(2);

    public const int MaxQueryLength = 500;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxFacets = 5;
    public const int FacetBuckets = 20;

    /// <summary>The facet a tenant-wide search may ask for: hits per entity type.</summary>
    public const string TypeFacet = "type";

    /// <summary>A tenant's name (search across its types) rather than an entity type's.</summary>
    public bool AcrossTypes => !EntityTypeNames.EntityType(Parent).IsSuccess && Access.AccessNames.Tenant(Parent).IsSuccess;

    public Error? Validate()
    {
        const string oneType = "applies to one entity type; search tenants/{tenant}/entityTypes/{type}";
        var v = new Validation()
            .Merge(AcrossTypes ? null : EntityTypeNames.EntityType(Parent, "parent").Error)
            .Check(!AcrossTypes || string.IsNullOrWhiteSpace(Filter), "filter", oneType + " to filter")
            .Check(!AcrossTypes || Geo is null, "geo", oneType)
            .Check(!AcrossTypes || SearchOptions.IsRelevance(OrderBy), "order_by", "only relevance order applies across entity types")
            .Check(!AcrossTypes || Ranges.Count == 0, "range_facets", oneType)
            .Check(!AcrossTypes || MaskPaths.Count == 0, "read_mask", oneType)
            .Check(!AcrossTypes || !string.IsNullOrWhiteSpace(Query), "query", "is required")
            .Check(!AcrossTypes || Facets.All(f => f == TypeFacet), "facets", $"only '{TypeFacet}' applies across entity types")
            .Check(!string.IsNullOrWhiteSpace(Query) || !string.IsNullOrWhiteSpace(Filter) || Geo is not null, "query", "is required when there is no filter or geo")
            .Check((Query?.Length ?? 0) <= MaxQueryLength, "query", $"must be at most {MaxQueryLength} characters")
            .Check(PageSize is >= 0 and <= MaxPageSize, "page_size", $"must be 0 (default {DefaultPageSize}) to {MaxPageSize}")
            .Check(Facets.Count <= MaxFacets, "facets", $"must name at most {MaxFacets} attributes")
            .Check(Ranges.Count <= SearchOptions.MaxRangeFacets, "range_facets", $"must be at most {SearchOptions.MaxRangeFacets}");
        if (Geo is not null)
        {
            v.Check(!string.IsNullOrWhiteSpace(Geo.Attribute), "geo.attribute", "is required");
            foreach (var (field, problem) in Geo.Circle.Check())
            {
                v.Add("geo." + field, problem);
            }
        }

        for (var i = 0; i < Ranges.Count; i++)
        {
            v.Check(Ranges[i].Boundaries.Count is > 0 and <= SearchOptions.MaxBoundaries, $"range_facets[{i}].boundaries",
                $"must have 1 to {SearchOptions.MaxBoundaries} values");
        }

        return v.ToError();
    }
}

/// <param name="Ranges">Range facet counts, in request order.</param>
/// <param name="TotalIsEstimate">Whether <paramref name="TotalSize"/> is estimated (the database backends count exactly).</param>
public sealed record SearchPage(IReadOnlyList<SearchHitView> Hits, string NextPageToken, long TotalSize, IReadOnlyList<FacetCounts> Facets,
    IReadOnlyList<RangeCounts>? Ranges = null, bool TotalIsEstimate = false);

/// <param name="DistanceMeters">From the geo centre, when the search had one.</param>
public sealed record SearchHitView(EntityView Entity, double Score, IReadOnlyList<(string Attribute, string Snippet)> Highlights, double? DistanceMeters = null);

/// <summary>
/// Full-text search in one entity type: the query is analyzed like the documents were, the
/// backend matches and ranks, and the hits are read back from the entities table (current values,
/// deleted ones skipped) with highlights computed from the same analysis.
/// </summary>
internal sealed class SearchEntitiesHandler(IEntityTypeRepository types, IEntityStore store, ISearchIndex index, IRequestContext context,
    Abstractions.Outbox.IOutbox outbox, ISynonymSetRepository synonyms) : IQueryHandler<SearchEntitiesQuery, Result<SearchPage>>
{
    public async ValueTask<Result<SearchPage>> Handle(SearchEntitiesQuery query, CancellationToken ct)
    {
        if (query.AcrossTypes)
        {
            return await new TenantSearch(types, store, index, context, outbox, synonyms).SearchAsync(query, ct);
        }

        if (!(await types.LoadCurrentAsync(context, query.Parent, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        if (!EntityQueries.Filter(query.Filter, type).TryGetValue(out var filter, out var badFilter))
        {
            return badFilter;
        }

        if (!Facets(query, type).TryGetValue(out var facets, out var badFacets))
        {
            return badFacets;
        }

        if (SearchOptions.Unsupported(query, index.Capabilities) is { } unsupported)
        {
            return unsupported;
        }

        if (!SearchOptions.Geo(query.Geo, type).TryGetValue(out var geo, out var badGeo))
        {
            return badGeo;
        }

        if (!SearchOptions.Order(query.OrderBy, geo is not null, type).TryGetValue(out var order, out var badOrder))
        {
            return badOrder;
        }

        if (!SearchOptions.RangeFacets(query.Ranges, type).TryGetValue(out var ranges, out var badRanges))
        {
            return badRanges;
        }

        if (!SearchOptions.Mask(query.MaskPaths, type).TryGetValue(out var mask, out var badMask))
        {
            return badMask;
        }

        var terms = await QueryTerms.OfAsync(query.Query, type.TenantId, type.Id, query.Fuzzy, synonyms, index, ct);
        if (terms.IsEmpty && !string.IsNullOrWhiteSpace(query.Query))
        {
            return Error.Validation("query", "has no searchable words");
        }

        // Relevance means nothing without words: a plain "what is near" search lists nearest first.
        order ??= terms.IsEmpty && geo is not null ? SearchOrder.Distance : null;

        var fingerprint = PageToken.Fingerprint("search", query.Parent, query.Query ?? "", query.Filter ?? "", string.Join(',', query.Facets), query.Fuzzy ? "f" : "",
            query.Geo is { } g ? string.Create(CultureInfo.InvariantCulture, $"{g.Attribute}@{g.Latitude:R},{g.Longitude:R}~{g.RadiusMeters:R}") : "", query.OrderBy ?? "");
        if (!PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var key, out var tokenError))
        {
            return tokenError;
        }

        var offset = 0;
        if (key is not null && (key is not [var text] || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            return PageToken.Malformed();
        }

        // Read-your-writes: everything the tenant committed before this call reaches the index first.
        if (await SearchConsistency.AwaitAsync(outbox, type.TenantId, query.Strong, ct) is { } lagging)
        {
            return lagging;
        }

        var size = query.PageSize == 0 ? SearchEntitiesQuery.DefaultPageSize : query.PageSize;
        SearchMatches matches;
        try
        {
            matches = await index.SearchAsync(new SearchQuery(type, terms.Groups, filter, offset, size, facets, SearchEntitiesQuery.FacetBuckets, geo, order, ranges), ct);
        }
        catch (SearchNotSupportedException e)
        {
            // The configured backend has no exact form for this request: refused by field, never answered wrongly.
            return Error.Validation(e.Field, e.Message);
        }

        var entities = (await store.FindManyAsync(type, matches.Hits.Select(h => h.Id).ToList(), ct)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var wanted = terms.All;
        var hits = matches.Hits.Where(h => entities.TryGetValue(h.Id, out var e) && !e.IsDeleted)
            .Select(h => new SearchHitView(EntityView.Of(type, entities[h.Id], mask), h.Score, Highlights(type, entities[h.Id], wanted), h.DistanceMeters))
            .ToList();
        var next = offset + size < matches.Total ? PageToken.Encode(fingerprint, [(offset + size).ToString(CultureInfo.InvariantCulture)]) : "";
        return new SearchPage(hits, next, matches.Total, matches.Facets, matches.Ranges ?? []);
    }

    internal static List<(string, string)> Highlights(EntityType type, Entity entity, HashSet<string> terms) =>
        terms.Count == 0 ? [] : SearchIndexer.SearchableTexts(type, entity.Attributes)
            .Select(t => (t.Attribute.Key, Snippet: SearchText.Highlight(t.Text, terms)))
            .Where(h => h.Snippet is not null)
            .Select(h => (h.Key, h.Snippet!))
            .ToList();

    private static Result<IReadOnlyList<AttributeDefinition>> Facets(SearchEntitiesQuery query, EntityType type)
    {
        var v = new Validation();
        var facets = new List<AttributeDefinition>();
        for (var i = 0; i < query.Facets.Count; i++)
        {
            var key = query.Facets[i].StartsWith("attributes.", StringComparison.Ordinal) ? query.Facets[i]["attributes.".Length..] : query.Facets[i];
            if (type.FindAttribute(key) is { Filterable: true, Repeated: false, Type: AttributeType.String or AttributeType.Enum or AttributeType.Bool } attribute)
            {
                facets.Add(attribute);
            }
            else
            {
                v.Add($"facets[{i}]", $"'{key}' is not a filterable single-valued STRING, ENUM or BOOL attribute of {type.ResourceName}");
            }
        }

        return v.ToError() is { } error ? error : facets;
    }
}
