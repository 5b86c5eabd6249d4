using System.Globalization;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Outbox;
using Platform.Application.Abstractions.Search;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Application.Eav.Entities;
using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Search;

/// <summary>
/// SearchEntities with a tenant as parent: every entity type at once, ranked together, with an
/// optional <c>type</c> facet. Filters bind to one type's schema, so they are refused here.
/// </summary>
internal sealed class TenantSearch(IEntityTypeRepository types, IEntityStore store, ISearchIndex index, IRequestContext context, IOutbox outbox,
    ISynonymSetRepository synonyms)
{
    public async Task<Result<SearchPage>> SearchAsync(SearchEntitiesQuery query, CancellationToken ct)
    {
        var tenantId = AccessNames.Tenant(query.Parent).Value;
        if (AccessRules.CheckScope(context, tenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        var terms = await QueryTerms.OfAsync(query.Query, tenantId, null, query.Fuzzy, synonyms, index, ct);
        if (terms.IsEmpty)
        {
            return Error.Validation("query", "has no searchable words");
        }

        var fingerprint = PageToken.Fingerprint("search", query.Parent, query.Query ?? "", string.Join(',', query.Facets), query.Fuzzy ? "f" : "");
        if (!PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var key, out var tokenError))
        {
            return tokenError;
        }

        var offset = 0;
        if (key is not null && (key is not [var text] || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            return PageToken.Malformed();
        }

        if (await SearchConsistency.AwaitAsync(outbox, tenantId, query.Strong, ct) is { } lagging)
        {
            return lagging;
        }

        var size = query.PageSize == 0 ? SearchEntitiesQuery.DefaultPageSize : query.PageSize;
        var matches = await index.SearchTenantAsync(new TenantSearchQuery(tenantId, terms.Groups, offset, size, query.Facets.Count > 0), ct);
        var wanted = terms.All;
        var hits = new List<SearchHitView>();
        foreach (var group in matches.Hits.GroupBy(h => h.TypeId))
        {
            if (await types.FindCurrentAsync(tenantId, group.Key, ct) is not { } type)
            {
                continue; // Deleted since it was indexed.
            }

            var entities = (await store.FindManyAsync(type, group.Select(h => h.Id).ToList(), ct)).ToDictionary(e => e.Id, StringComparer.Ordinal);
            hits.AddRange(group.Where(h => entities.TryGetValue(h.Id, out var e) && !e.IsDeleted)
                .Select(h => new SearchHitView(EntityView.Of(type, entities[h.Id]), h.Score, SearchEntitiesHandler.Highlights(type, entities[h.Id], wanted))));
        }

        // Back in rank order (the type groups above only batch the reads).
        var order = matches.Hits.Select((h, i) => (h.TypeId, h.Id, i)).ToDictionary(x => (x.TypeId, x.Id), x => x.i);
        hits.Sort((a, b) => order[(a.Entity.Entity.TypeId, a.Entity.Entity.Id)].CompareTo(order[(b.Entity.Entity.TypeId, b.Entity.Entity.Id)]));
        var facets = query.Facets.Count == 0 ? [] : new List<FacetCounts>
        {
            new(SearchEntitiesQuery.TypeFacet, matches.Types.Select(t => ((AttributeValue?)new TextValue(t.TypeId), t.Count)).ToList()),
        };
        var next = offset + size < matches.Total ? PageToken.Encode(fingerprint, [(offset + size).ToString(CultureInfo.InvariantCulture)]) : "";
        return new SearchPage(hits, next, matches.Total, facets);
    }
}
