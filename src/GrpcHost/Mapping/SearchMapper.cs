using Google.Protobuf.WellKnownTypes;
using Platform.Application.Search;
using Platform.Application.Search.Synonyms;
using Platform.Domain.Search;
using Proto = Platform.Search.V1;

namespace Platform.GrpcHost.Mapping;

/// <summary>Search results to their protos; attributes and facet values as EntityService maps them.</summary>
internal static class SearchMapper
{
    public static Proto.SearchEntitiesResponse ToProto(SearchPage page) => new()
    {
        Hits =
        {
            page.Hits.Select(h => new Proto.SearchHit
            {
                Name = h.Entity.Entity.ResourceName,
                Score = h.Score,
                Attributes = EntityMapper.ToProto(h.Entity).Attributes,
                Highlights = { h.Highlights.Select(x => new Proto.Highlight { Attribute = x.Attribute, Snippet = x.Snippet }) },
            }),
        },
        NextPageToken = page.NextPageToken,
        TotalSize = page.TotalSize,
        Facets =
        {
            page.Facets.Select(f => new Proto.Facet
            {
                Attribute = f.Attribute,
                Buckets = { f.Buckets.Select(b => new Proto.FacetBucket { Value = EavMapper.ToProto(b.Value) ?? Value.ForNull(), Count = b.Count }) },
            }),
        },
    };

    public static Proto.SynonymSet ToProto(SynonymSetRecord r) => new()
    {
        Name = r.ResourceName,
        EquivalentGroups = { r.Rules.EquivalentGroups.Select(g => new Proto.SynonymGroup { Terms = { g } }) },
        OneWayRules = { r.Rules.OneWayRules.Select(o => new Proto.OneWaySynonym { Input = o.Input, Synonyms = { o.Synonyms } }) },
        CreateTime = Timestamps.ToProto(r.CreateTime),
        UpdateTime = Timestamps.ToProto(r.UpdateTime),
        Etag = r.Etag,
    };

    public static SynonymSetDraft ToDraft(Proto.SynonymSet? s) => s is null
        ? new SynonymSetDraft([], [])
        : new SynonymSetDraft([.. s.EquivalentGroups.Select(g => (IReadOnlyList<string>)[.. g.Terms])],
            [.. s.OneWayRules.Select(o => new Domain.Search.Analysis.OneWaySynonym(o.Input, [.. o.Synonyms]))]);
}
